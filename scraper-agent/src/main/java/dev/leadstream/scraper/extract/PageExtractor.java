package dev.leadstream.scraper.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.FieldValue;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a business profile out of one HTML page, most trustworthy evidence first: schema.org
 * JSON-LD, microdata and RDFa Lite; OpenGraph; mailto/tel links; then heuristics on the visible
 * text (obfuscated emails, phone numbers, address, map coordinates, founding year). Links to
 * contact, about and imprint pages, and to team, careers and locations pages, of the same site
 * are collected for the caller to follow.
 */
public final class PageExtractor {

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String AT = "\\s*(?:[\\[({<]\\s*(?i:at)\\s*[\\])}>]|\\s+AT\\s+)\\s*";
    private static final String DOT_FORMS = "\\s*(?:[\\[({<]\\s*(?i:dot)\\s*[\\])}>]|\\s+DOT\\s+)\\s*";
    /** "name [at] domain [dot] com", "name (at) domain.com", "name AT domain DOT com", "name{at}domain{dot}org" */
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("([A-Za-z0-9._%+-]+)" + AT
            + "([A-Za-z0-9-]+(?:(?:" + DOT_FORMS + "|\\.)[A-Za-z0-9-]+)+)");
    private static final Pattern DOT = Pattern.compile(DOT_FORMS);
    private static final Pattern FOUNDED = Pattern.compile(
            "\\b(?:since|established(?: in)?|est\\.?|founded(?: in)?|family[- ]run since|serving [^.]{0,30} since)\\s+(1[6-9]\\d\\d|20\\d\\d)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * "a team of 12", "we employ over 40 people", "25 staff": a headcount the business states; and
     * the team sentence in German, Dutch and French ("ein Team von 12", "een team van 12", "une équipe de 12").
     */
    private static final Pattern HEADCOUNT = Pattern.compile(
            "\\b(?:(?:a|our)(?: [a-z]+)? team of (?:over |more than |around |about |nearly )?\\d{1,5}"
                    + "|(?:employ(?:s|ing)?|we are|we're) (?:over |more than |around |about |nearly )?\\d{1,5}\\+? (?:people|staff|employees)"
                    + "|\\d{1,5}\\+? (?:full-time |part-time )?(?:staff|employees|team members)"
                    + "|(?:ein|unser)(?: \\p{L}+)? team (?:von|aus) (?:über |mehr als |rund |etwa )?\\d{1,5}"
                    + "|(?:een|ons)(?: \\p{L}+)? team van (?:ruim |meer dan |zo'n |ongeveer )?\\d{1,5}"
                    + "|(?:une|notre)(?: \\p{L}+)? équipe de (?:plus de |près de |environ )?\\d{1,5})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> COMPANY_PATHS = List.of("/team", "/our-team", "/staff", "/people", "/careers",
            "/jobs", "/vacancies", "/join-us", "/work-with-us", "/locations", "/branches", "/stores", "/shops", "/find-a-store");
    private static final List<String> COMPANY_WORDS = List.of("meet the team", "our team", "our staff", "careers", "jobs",
            "vacancies", "join us", "work with us", "our locations", "our shops", "our stores", "our branches", "find a store");
    private static final Pattern MAP_COORDINATES = Pattern.compile("[@=](-?\\d{1,2}\\.\\d{3,}),\\s*(-?\\d{1,3}\\.\\d{3,})");
    private static final List<String> CONTACT_WORDS = List.of("contact", "kontakt", "impressum", "imprint", "about",
            "legal-notice", "mentions-legales", "contacto", "chi-siamo", "find-us", "visit");

    public PageFacts extract(Document page, String region) {
        String url = page.location();
        String phoneRegion = region != null ? region : Regions.ofWebsite(url);
        PageFacts facts = new PageFacts();
        facts.pageRead(url);
        readJsonLd(page, url, phoneRegion, facts);
        readMarkup(page, url, phoneRegion, MarkupProps.Syntax.MICRODATA, "microdata", facts);
        readMarkup(page, url, phoneRegion, MarkupProps.Syntax.RDFA, "rdfa", facts);
        OpenGraph.read(page, url, phoneRegion, facts);
        readLinks(page, url, phoneRegion, facts);
        readText(page, url, phoneRegion, facts);
        readPageMeta(page, url, facts);
        return facts;
    }

    private void readJsonLd(Document page, String url, String region, PageFacts facts) {
        BusinessReader reader = new BusinessReader(url, "json-ld", 0.95, region);
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = EventJson.MAPPER.readTree(script.data());
            } catch (Exception e) {
                continue; // broken JSON-LD is common; the other methods still run
            }
            for (JsonNode node : candidates(root)) {
                readItem(new JsonLdProps(node), reader, facts);
            }
        }
    }

    /** Top-level nodes, {@code @graph} members, and the business a page is about or published by. */
    private static List<JsonNode> candidates(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode node : root.isArray() ? root : List.of(root)) {
            if (node.has("@graph")) {
                node.get("@graph").forEach(nodes::add);
            } else {
                nodes.add(node);
            }
        }
        List<JsonNode> nested = new ArrayList<>();
        for (JsonNode node : nodes) {
            for (String link : List.of("mainEntity", "about", "publisher", "provider")) {
                if (node.path(link).isObject()) {
                    nested.add(node.get(link));
                }
            }
        }
        nodes.addAll(nested);
        return nodes;
    }

    private void readMarkup(Document page, String url, String region, MarkupProps.Syntax syntax, String method,
                            PageFacts facts) {
        BusinessReader reader = new BusinessReader(url, method, 0.9, region);
        for (Element scope : page.getElementsByAttribute(syntax.scopeAttr)) {
            if (!scope.attr(syntax.typeAttr).isBlank()) {
                readItem(new MarkupProps(scope, syntax), reader, facts);
            }
        }
    }

    private static void readItem(Props item, BusinessReader reader, PageFacts facts) {
        if (BusinessReader.isBusiness(item)) {
            reader.read(item, facts);
        } else if (item.types().contains("person")) {
            reader.readPerson(item, facts);
        } else if (item.types().contains("jobposting")) {
            reader.readJobPosting(item, facts);
        }
    }

    private void readLinks(Document page, String url, String region, PageFacts facts) {
        for (Element link : page.select("a[href]")) {
            String href = link.attr("href").trim();
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("mailto:")) {
                Contacts.email(href).ifPresent(e -> facts.addEmail(FieldValue.of(e, url, "mailto", 0.9)));
            } else if (lower.startsWith("tel:")) {
                Contacts.phone(href, region).ifPresent(p -> facts.addPhone(FieldValue.of(p, url, "tel", 0.9)));
            } else {
                String absolute = link.absUrl("href");
                Contacts.socialProfile(absolute).ifPresent(s -> facts.addSocialProfile(FieldValue.of(s, url, "link", 0.8)));
                Matcher coordinates = MAP_COORDINATES.matcher(absolute);
                if ((absolute.contains("maps.google") || absolute.contains("google.com/maps")
                        || absolute.contains("openstreetmap.org")) && coordinates.find()) {
                    facts.offerGeo(FieldValue.of(coordinates.group(1) + "," + coordinates.group(2), url, "map-link", 0.7));
                }
                if (isContactLink(link, lower) && sameHost(absolute, url)) {
                    facts.addContactPage(absolute.split("#", 2)[0]);
                }
                if (isCompanyLink(link, lower) && sameHost(absolute, url)) {
                    facts.addCompanyPage(absolute.split("#", 2)[0]);
                }
            }
        }
    }

    private void readText(Document page, String url, String region, PageFacts facts) {
        if (page.body() == null) {
            return;
        }
        String text = page.body().text();
        Matcher obfuscated = OBFUSCATED_EMAIL.matcher(text);
        while (obfuscated.find()) {
            String domain = DOT.matcher(obfuscated.group(2)).replaceAll(".");
            Contacts.email(obfuscated.group(1) + "@" + domain)
                    .ifPresent(e -> facts.addEmail(FieldValue.of(e, url, "heuristic-obfuscated", 0.75)));
        }
        Matcher email = EMAIL_IN_TEXT.matcher(text);
        while (email.find()) {
            Contacts.email(email.group()).ifPresent(e -> facts.addEmail(FieldValue.of(e, url, "heuristic", 0.7)));
        }
        for (String block : textBlocks(page.body())) {
            Contacts.phonesIn(block, region).forEach(p -> facts.addPhone(FieldValue.of(p, url, "heuristic", 0.65)));
        }
        Element address = page.selectFirst("address");
        if (address != null && !address.text().isBlank()) {
            facts.offerAddress(FieldValue.of(address.text(), url, "heuristic", 0.7));
        }
        Matcher headcount = HEADCOUNT.matcher(text);
        if (headcount.find()) {
            facts.offerEmployees(FieldValue.of(headcount.group().trim(), url, "heuristic", 0.6));
        }
        Matcher founded = FOUNDED.matcher(text);
        if (founded.find()) {
            facts.offerFoundingYear(FieldValue.of(founded.group(1), url, "heuristic", 0.6));
        }
    }

    /**
     * The text of each block element on its own, so a number at the end of one paragraph and a
     * house number at the start of the next are not read as one longer number.
     */
    private static List<String> textBlocks(Element body) {
        List<String> blocks = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (!element.isBlock() && element != body) {
                continue;
            }
            boolean leaf = element.getAllElements().stream().skip(1).noneMatch(Element::isBlock);
            String text = leaf ? element.text() : element.ownText();
            if (!text.isBlank()) {
                blocks.add(text);
            }
        }
        return blocks;
    }

    private void readPageMeta(Document page, String url, PageFacts facts) {
        Element description = page.selectFirst("meta[name=description]");
        if (description != null) {
            facts.offerDescription(FieldValue.of(description.attr("content"), url, "meta", 0.6));
        }
        String lang = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang").trim();
        if (lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            facts.offerLanguage(FieldValue.of(lang.toLowerCase(Locale.ROOT), url, "html-lang", 0.8));
        }
        Element position = page.selectFirst("meta[name=geo.position], meta[name=ICBM]");
        if (position != null) {
            String[] parts = position.attr("content").split("[;,]");
            if (parts.length == 2 && parts[0].trim().matches("-?\\d+(\\.\\d+)?") && parts[1].trim().matches("-?\\d+(\\.\\d+)?")) {
                facts.offerGeo(FieldValue.of(parts[0].trim() + "," + parts[1].trim(), url, "meta", 0.7));
            }
        }
        String title = page.title().split("\\s[|–—-]\\s")[0].trim();
        if (!title.isBlank()) {
            facts.offerName(FieldValue.of(title, url, "title", 0.5));
        }
    }

    private static boolean isContactLink(Element link, String href) {
        String text = link.text().toLowerCase(Locale.ROOT);
        return CONTACT_WORDS.stream().anyMatch(w -> href.contains(w) || text.contains(w));
    }

    private static boolean isCompanyLink(Element link, String href) {
        String text = link.text().toLowerCase(Locale.ROOT);
        String path = href.replaceFirst("^[a-z]+://[^/]+", "");
        return COMPANY_PATHS.stream().anyMatch(path::contains) || COMPANY_WORDS.stream().anyMatch(text::contains);
    }

    private static boolean sameHost(String a, String b) {
        return !Urls.host(a).isEmpty() && Urls.host(a).equals(Urls.host(b));
    }
}
