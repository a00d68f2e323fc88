package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.extract.Contacts;
import dev.leadstream.scraper.extract.PageFacts;
import dev.leadstream.topics.event.FieldValue;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds the facts a listing source states about a business, with the source as evidence. */
final class KnownFacts {

    private final PageFacts facts = new PageFacts();
    private final String sourceUrl;
    private final String method;
    private final double confidence;
    private final String region;

    KnownFacts(String sourceUrl, String method, double confidence, String region) {
        this.sourceUrl = sourceUrl;
        this.method = method;
        this.confidence = confidence;
        this.region = region;
    }

    KnownFacts name(String v) {
        facts.offerName(value(v));
        return this;
    }

    KnownFacts email(String v) {
        Contacts.email(v).ifPresent(e -> facts.addEmail(value(e)));
        return this;
    }

    KnownFacts phone(String v) {
        if (v != null) {
            for (String one : v.split(";")) {
                Contacts.phone(one, region).ifPresent(p -> facts.addPhone(value(p)));
            }
        }
        return this;
    }

    KnownFacts address(String... parts) {
        String joined = Stream.of(parts).filter(Objects::nonNull).map(String::trim).filter(p -> !p.isEmpty())
                .collect(Collectors.joining(", "));
        facts.offerAddress(value(joined));
        return this;
    }

    KnownFacts geo(String lat, String lon) {
        if (lat != null && lon != null) {
            facts.offerGeo(value(lat + "," + lon));
        }
        return this;
    }

    KnownFacts category(String v) {
        facts.addCategory(value(v));
        return this;
    }

    KnownFacts openingHours(String v) {
        facts.addOpeningHours(value(v));
        return this;
    }

    KnownFacts social(List<String> urls) {
        urls.forEach(u -> Contacts.socialProfile(u).ifPresent(s -> facts.addSocialProfile(value(s))));
        return this;
    }

    PageFacts facts() {
        return facts;
    }

    private FieldValue value(String v) {
        return v == null || v.isBlank() ? null : FieldValue.of(v.trim(), sourceUrl, method, confidence);
    }
}
