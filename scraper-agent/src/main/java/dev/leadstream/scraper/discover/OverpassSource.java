package dev.leadstream.scraper.discover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.FetchOutcome;
import dev.leadstream.scraper.extract.Regions;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * OpenStreetMap through the Overpass API: every node, way or relation tagged with the request's
 * sector inside the named area. The sector is a known word (bakery, dentist, brewery...) or a raw
 * tag such as {@code craft=brewery}; the area is the first part of the geography.
 */
public final class OverpassSource implements DiscoverySource {

    static final Map<String, String> SECTOR_TAGS = Map.ofEntries(
            Map.entry("bakery", "shop=bakery"), Map.entry("bakeries", "shop=bakery"),
            Map.entry("dentist", "amenity=dentist"), Map.entry("dentists", "amenity=dentist"),
            Map.entry("brewery", "craft=brewery"), Map.entry("breweries", "craft=brewery"),
            Map.entry("craft breweries", "craft=brewery"),
            Map.entry("cafe", "amenity=cafe"), Map.entry("cafes", "amenity=cafe"), Map.entry("coffee", "amenity=cafe"),
            Map.entry("restaurant", "amenity=restaurant"), Map.entry("restaurants", "amenity=restaurant"),
            Map.entry("florist", "shop=florist"), Map.entry("florists", "shop=florist"),
            Map.entry("bookshop", "shop=books"), Map.entry("bookshops", "shop=books"), Map.entry("bookstores", "shop=books"),
            Map.entry("hairdresser", "shop=hairdresser"), Map.entry("hairdressers", "shop=hairdresser"),
            Map.entry("plumber", "craft=plumber"), Map.entry("plumbers", "craft=plumber"),
            Map.entry("electrician", "craft=electrician"), Map.entry("electricians", "craft=electrician"),
            Map.entry("pharmacy", "amenity=pharmacy"), Map.entry("pharmacies", "amenity=pharmacy"),
            Map.entry("veterinary", "amenity=veterinary"), Map.entry("vets", "amenity=veterinary"),
            Map.entry("gym", "leisure=fitness_centre"), Map.entry("gyms", "leisure=fitness_centre"),
            Map.entry("hotel", "tourism=hotel"), Map.entry("hotels", "tourism=hotel"),
            Map.entry("pub", "amenity=pub"), Map.entry("pubs", "amenity=pub"));

    private final String endpoint;

    public OverpassSource(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return "osm";
    }

    @Override
    public void discover(CrawlSession session, Predicate<Candidate> sink) throws DiscoveryException {
        String query = query(session.request().sector(), session.request().geography(), session.request().limits().maxLeads());
        Optional<FetchOutcome.Fetched> response = session.fetchApi(endpoint + "?data="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (response.isEmpty()) {
            throw new DiscoveryException("the Overpass API at " + endpoint + " did not answer");
        }
        JsonNode elements;
        try {
            elements = EventJson.MAPPER.readTree(response.get().body()).path("elements");
        } catch (IOException e) {
            throw new DiscoveryException("the Overpass API answered with something other than JSON");
        }
        String region = Regions.ofGeography(session.request().geography());
        for (JsonNode element : elements) {
            JsonNode tags = element.path("tags");
            if (!tags.hasNonNull("name")) {
                continue;
            }
            String evidence = "https://www.openstreetmap.org/" + element.path("type").asText() + "/" + element.path("id").asText();
            JsonNode point = element.has("center") ? element.path("center") : element;
            KnownFacts facts = new KnownFacts(evidence, "osm", 0.85, region)
                    .name(tag(tags, "name"))
                    .email(tag(tags, "email", "contact:email"))
                    .phone(tag(tags, "phone", "contact:phone"))
                    .address(join(tag(tags, "addr:housenumber"), tag(tags, "addr:street")), tag(tags, "addr:city"),
                            tag(tags, "addr:postcode"), tag(tags, "addr:country"))
                    .geo(point.hasNonNull("lat") ? point.path("lat").asText() : null,
                            point.hasNonNull("lon") ? point.path("lon").asText() : null)
                    .openingHours(tag(tags, "opening_hours"))
                    .social(socials(tags));
            for (String key : List.of("shop", "amenity", "craft", "office", "tourism", "leisure", "cuisine")) {
                facts.category(tag(tags, key));
            }
            if (!sink.test(new Candidate(tag(tags, "website", "contact:website", "url"), name(), facts.facts()))) {
                return;
            }
        }
    }

    static String query(String sector, String geography, int maxResults) throws DiscoveryException {
        String tag = sector.contains("=") ? sector.trim() : SECTOR_TAGS.get(sector.trim().toLowerCase(Locale.ROOT));
        if (tag == null) {
            throw new DiscoveryException("no OpenStreetMap tag is known for sector '" + sector
                    + "'; give one as key=value (e.g. craft=brewery)");
        }
        String[] kv = tag.split("=", 2);
        String area = geography.split(",")[0].trim();
        return "[out:json][timeout:25];area[\"name\"=\"" + escape(area) + "\"]->.a;"
                + "nwr[\"" + escape(kv[0].trim()) + "\"=\"" + escape(kv[1].trim()) + "\"](area.a);"
                + "out center tags " + maxResults + ";";
    }

    private static List<String> socials(JsonNode tags) {
        List<String> urls = new ArrayList<>();
        for (String key : List.of("contact:facebook", "facebook", "contact:instagram", "instagram", "contact:linkedin",
                "contact:tiktok", "contact:telegram", "contact:twitter", "contact:youtube")) {
            String v = tag(tags, key);
            if (v != null && v.startsWith("http")) {
                urls.add(v);
            }
        }
        return urls;
    }

    private static String tag(JsonNode tags, String... keys) {
        for (String key : keys) {
            if (tags.hasNonNull(key) && !tags.get(key).asText().isBlank()) {
                return tags.get(key).asText().trim();
            }
        }
        return null;
    }

    private static String join(String number, String street) {
        return number == null ? street : street == null ? number : number + " " + street;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
