package dev.leadstream.scraper.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.FieldValue;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a business profile out of one HTML page: schema.org JSON-LD and microdata first (most
 * trustworthy), then mailto/tel links, then heuristics on the visible text.
 */
public final class PageExtractor {

    private static final Set<String> BUSINESS_TYPES = Set.of("localbusiness", "organization", "store", "restaurant",
            "bakery", "dentist", "brewery", "cafeorcoffeeshop", "florist", "bookstore", "professionalservice");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile(
            "([A-Za-z0-9._%+-]+)\\s*[\\[(]\\s*at\\s*[\\])]\\s*([A-Za-z0-9-]+(?:\\s*[\\[(]\\s*dot\\s*[\\])]\\s*[A-Za-z0-9-]+)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOT = Pattern.compile("\\s*[\\[(]\\s*dot\\s*[\\])]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{7,}\\d");
    private static final List<String> SOCIAL_HOSTS = List.of("instagram.com", "facebook.com", "linkedin.com",
            "tiktok.com", "t.me", "x.com", "twitter.com", "youtube.com");

    public PageFacts extract(Document page) {
        String url = page.location();
        PageFacts facts = new PageFacts();
        page.select("script[type=application/ld+json]").forEach(s -> readJsonLd(s.data(), url, facts));
        readMicrodata(page, url, facts);
        readLinks(page, url, facts);
        readText(page, url, facts);
        facts.name = PageFacts.better(facts.name, fallbackName(page, url));
        Element meta = page.selectFirst("meta[name=description]");
        if (meta != null) {
            facts.description = PageFacts.better(facts.description, FieldValue.of(meta.attr("content"), url, "meta", 0.6));
        }
        return facts;
    }

    private void readJsonLd(String json, String url, PageFacts facts) {
        JsonNode root;
        try {
            root = EventJson.MAPPER.readTree(json);
        } catch (Exception e) {
            return; // broken JSON-LD is common; the other methods still run
        }
        for (JsonNode node : root.isArray() ? root : root.has("@graph") ? root.get("@graph") : List.of(root)) {
            if (!BUSINESS_TYPES.contains(node.path("@type").asText().toLowerCase(Locale.ROOT))) {
                continue;
            }
            facts.name = PageFacts.better(facts.name, value(node.path("name"), url, "json-ld", 0.95));
            facts.description = PageFacts.better(facts.description, value(node.path("description"), url, "json-ld", 0.9));
            addEmail(facts, node.path("email").asText(null), url, "json-ld", 0.95);
            addPhone(facts, node.path("telephone").asText(null), url, "json-ld", 0.95);
            JsonNode address = node.path("address");
            if (address.isObject()) {
                String text = join(address.path("streetAddress").asText(""), address.path("addressLocality").asText(""),
                        address.path("postalCode").asText(""), address.path("addressCountry").asText(""));
                facts.address = PageFacts.better(facts.address, FieldValue.of(text, url, "json-ld", 0.95));
            }
            node.path("sameAs").forEach(s -> addSocial(facts, s.asText(), url, "json-ld", 0.95));
            PageFacts.add(facts.categories, node.path("@type").asText(),
                    FieldValue.of(node.path("@type").asText(), url, "json-ld", 0.9));
        }
    }

    private void readMicrodata(Document page, String url, PageFacts facts) {
        for (Element scope : page.select("[itemscope][itemtype]")) {
            String type = scope.attr("itemtype");
            String simpleType = type.substring(type.lastIndexOf('/') + 1);
            if (!BUSINESS_TYPES.contains(simpleType.toLowerCase(Locale.ROOT))) {
                continue;
            }
            facts.name = PageFacts.better(facts.name, itemprop(scope, "name", url));
            facts.description = PageFacts.better(facts.description, itemprop(scope, "description", url));
            FieldValue phone = itemprop(scope, "telephone", url);
            if (phone != null) {
                addPhone(facts, phone.value(), url, "microdata", 0.9);
            }
            Element email = scope.selectFirst("[itemprop=email]");
            if (email != null) {
                addEmail(facts, email.hasAttr("href") ? email.attr("href").replace("mailto:", "") : email.text(), url, "microdata", 0.9);
            }
            Element address = scope.selectFirst("[itemprop=address]");
            if (address != null) {
                facts.address = PageFacts.better(facts.address, FieldValue.of(address.text(), url, "microdata", 0.9));
            }
            PageFacts.add(facts.categories, simpleType, FieldValue.of(simpleType, url, "microdata", 0.85));
        }
    }

    private void readLinks(Document page, String url, PageFacts facts) {
        for (Element link : page.select("a[href]")) {
            String href = link.attr("href").trim();
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("mailto:")) {
                addEmail(facts, href.substring(7).split("\\?")[0], url, "mailto", 0.9);
            } else if (lower.startsWith("tel:")) {
                addPhone(facts, href.substring(4), url, "tel", 0.9);
            } else {
                String absolute = link.absUrl("href");
                if (SOCIAL_HOSTS.stream().anyMatch(h -> hostOf(absolute).endsWith(h))) {
                    addSocial(facts, absolute, url, "link", 0.8);
                } else if (isContactLink(link, lower) && sameHost(absolute, url)) {
                    facts.contactPageUrls.add(absolute);
                }
            }
        }
    }

    private void readText(Document page, String url, PageFacts facts) {
        String text = page.body() == null ? "" : page.body().text();
        Matcher obfuscated = OBFUSCATED_EMAIL.matcher(text);
        while (obfuscated.find()) {
            addEmail(facts, obfuscated.group(1) + "@" + DOT.matcher(obfuscated.group(2)).replaceAll("."), url, "heuristic-obfuscated", 0.75);
        }
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            addEmail(facts, email.group(), url, "heuristic", 0.7);
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            addPhone(facts, phone.group(), url, "heuristic", 0.6);
        }
        Element address = page.selectFirst("address");
        if (address != null) {
            facts.address = PageFacts.better(facts.address, FieldValue.of(address.text(), url, "heuristic", 0.7));
        }
    }

    private static FieldValue fallbackName(Document page, String url) {
        Element og = page.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return FieldValue.of(og.attr("content"), url, "opengraph", 0.7);
        }
        String title = page.title().split("[|–—-]")[0].trim();
        return title.isBlank() ? null : FieldValue.of(title, url, "title", 0.5);
    }

    private static void addEmail(PageFacts facts, String email, String url, String method, double confidence) {
        if (email == null) {
            return;
        }
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        if (EMAIL.matcher(normalised).matches() && !normalised.matches(".*\\.(png|jpe?g|gif|svg|webp)$")) {
            PageFacts.add(facts.emails, normalised, FieldValue.of(normalised, url, method, confidence));
        }
    }

    private static void addPhone(PageFacts facts, String phone, String url, String method, double confidence) {
        if (phone == null) {
            return;
        }
        String digits = phone.replaceAll("[^+\\d]", "");
        if (digits.replace("+", "").length() >= 8) {
            PageFacts.add(facts.phones, digits, FieldValue.of(digits, url, method, confidence));
        }
    }

    private static void addSocial(PageFacts facts, String profile, String url, String method, double confidence) {
        if (profile != null && profile.startsWith("http")) {
            PageFacts.add(facts.socialProfiles, profile, FieldValue.of(profile, url, method, confidence));
        }
    }

    private static FieldValue itemprop(Element scope, String prop, String url) {
        Element element = scope.selectFirst("[itemprop=" + prop + "]");
        return element == null || element.text().isBlank() ? null : FieldValue.of(element.text(), url, "microdata", 0.9);
    }

    private static FieldValue value(JsonNode node, String url, String method, double confidence) {
        return node.isTextual() && !node.asText().isBlank() ? FieldValue.of(node.asText(), url, method, confidence) : null;
    }

    private static boolean isContactLink(Element link, String href) {
        String text = link.text().toLowerCase(Locale.ROOT);
        return href.contains("contact") || href.contains("impressum") || href.contains("imprint")
                || text.contains("contact") || text.contains("impressum");
    }

    private static boolean sameHost(String a, String b) {
        return !hostOf(a).isEmpty() && hostOf(a).equals(hostOf(b));
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String join(String... parts) {
        return String.join(", ", java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
    }
}
