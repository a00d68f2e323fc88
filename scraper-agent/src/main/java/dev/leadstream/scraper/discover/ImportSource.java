package dev.leadstream.scraper.discover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.extract.Regions;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A business list the team already has: CSV with a header row or a JSON array of objects, with
 * columns name, website (or url), email, phone, address (or street), city, postcode, country,
 * category. Rows with a website are crawled for more; rows without one become leads as they are.
 */
public final class ImportSource implements DiscoverySource {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public void discover(CrawlSession session, Predicate<Candidate> sink) throws DiscoveryException {
        String list = session.request().businessList();
        List<Map<String, String>> rows = list.stripLeading().startsWith("[") ? json(list) : csv(list);
        String requestRegion = Regions.ofGeography(session.request().geography());
        String evidence = "import:" + session.request().requestId();
        int row = 0;
        for (Map<String, String> r : rows) {
            row++;
            String country = r.get("country");
            String region = country != null && Regions.ofGeography(country) != null ? Regions.ofGeography(country) : requestRegion;
            KnownFacts facts = new KnownFacts(evidence + "#row=" + row, "import", 0.8, region)
                    .name(r.get("name")).email(r.get("email")).phone(first(r, "phone", "telephone"))
                    .address(first(r, "address", "street"), r.get("city"), r.get("postcode"), country)
                    .category(first(r, "category", "sector"));
            String website = first(r, "website", "url");
            if (facts.facts().isEmpty() && website == null) {
                session.note("import row " + row + " has neither a name nor a website; skipped");
                continue;
            }
            if (!sink.test(new Candidate(website, name(), facts.facts()))) {
                return;
            }
        }
    }

    private static String first(Map<String, String> row, String... keys) {
        for (String key : keys) {
            String v = row.get(key);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static List<Map<String, String>> json(String text) throws DiscoveryException {
        JsonNode array;
        try {
            array = EventJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new DiscoveryException("businessList is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!array.isArray()) {
            throw new DiscoveryException("businessList JSON must be an array of objects");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : array) {
            Map<String, String> row = new LinkedHashMap<>();
            item.properties().forEach(e -> {
                if (e.getValue().isValueNode()) {
                    row.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
                }
            });
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<Map<String, String>> csv(String text) throws DiscoveryException {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DiscoveryException("businessList CSV has an unclosed quote");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        records.removeIf(r -> r.size() == 1 && r.getFirst().isBlank());
        if (records.isEmpty()) {
            throw new DiscoveryException("businessList CSV is empty");
        }
        List<String> header = records.getFirst().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("name") && !header.contains("website") && !header.contains("url")) {
            throw new DiscoveryException("businessList CSV needs a header row naming a name or website column, got " + header);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
