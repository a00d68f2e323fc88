package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.FieldValue;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** OpenGraph and its business/place extensions ({@code business:contact_data:*}, {@code place:location:*}). */
final class OpenGraph {

    private static final String METHOD = "opengraph";
    private static final double CONFIDENCE = 0.75;

    private OpenGraph() {
    }

    static void read(Document page, String url, String region, PageFacts facts) {
        String siteName = meta(page, "og:site_name");
        facts.offerName(value(siteName != null ? siteName : meta(page, "og:title"), url, siteName != null ? CONFIDENCE : 0.6));
        facts.offerDescription(value(meta(page, "og:description"), url, 0.65));
        String locale = meta(page, "og:locale");
        if (locale != null && locale.matches("[a-zA-Z]{2}([_-][a-zA-Z]{2})?")) {
            facts.offerLanguage(value(locale.replace('_', '-').toLowerCase(Locale.ROOT), url, 0.7));
        }
        Contacts.email(meta(page, "business:contact_data:email")).ifPresent(e -> facts.addEmail(value(e, url, CONFIDENCE)));
        Contacts.phone(meta(page, "business:contact_data:phone_number"), region)
                .ifPresent(p -> facts.addPhone(value(p, url, CONFIDENCE)));
        List<String> address = new ArrayList<>();
        for (String part : List.of("street_address", "locality", "region", "postal_code", "country_name")) {
            String v = meta(page, "business:contact_data:" + part);
            if (v != null) {
                address.add(v);
            }
        }
        if (!address.isEmpty()) {
            facts.offerAddress(value(String.join(", ", address), url, CONFIDENCE));
        }
        String lat = meta(page, "place:location:latitude");
        String lon = meta(page, "place:location:longitude");
        if (lat != null && lon != null) {
            facts.offerGeo(value(lat + "," + lon, url, CONFIDENCE));
        }
    }

    private static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "]");
        String content = meta == null ? null : meta.attr("content").trim();
        return content == null || content.isEmpty() ? null : content;
    }

    private static FieldValue value(String v, String url, double confidence) {
        return v == null ? null : FieldValue.of(v, url, METHOD, confidence);
    }
}
