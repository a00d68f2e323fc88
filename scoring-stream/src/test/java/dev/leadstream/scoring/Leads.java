package dev.leadstream.scoring;

import dev.leadstream.scoring.icp.IdealCustomerProfile;
import dev.leadstream.scoring.icp.Segments;
import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.normalise.SectorTaxonomy;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.SiteProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Raw leads as the scraper writes them, built field by field, and the scorer the tests use. */
final class Leads {

    static final Map<String, Double> PRIOR = Map.of("has_email", 30.0, "has_phone", 20.0, "has_address", 10.0,
            "has_name", 10.0, "has_description", 5.0, "has_social", 10.0, "https_website", 5.0, "structured_data", 10.0);

    /** The default profile (PRIOR, knockout no-contact) and a UK food campaign that needs an email. */
    static LeadScorer scorer() {
        return new LeadScorer(segments(), SectorTaxonomy.standard(), 0.5, "test");
    }

    static Segments segments() {
        IdealCustomerProfile fallback = new IdealCustomerProfile("default", List.of(), List.of(), List.of(),
                List.of("no-contact"), PRIOR);
        Map<String, Double> food = new java.util.HashMap<>(PRIOR);
        food.put("sector_match", 20.0);
        food.put("geo_match", 10.0);
        IdealCustomerProfile ukFood = new IdealCustomerProfile("uk-food", List.of("bakery", "cafe"), List.of("GB"),
                List.of("email"), List.of("no-contact", "outside-geography", "missing-required-channel"), food);
        return new Segments(fallback, List.of(ukFood));
    }

    static Builder lead(String leadId) {
        return new Builder(leadId);
    }

    static RawLead page(String leadId, String pageUrl, String name, String email, String phone) {
        Builder b = lead(leadId).page(pageUrl);
        if (name != null) b.name(name, "json-ld", 0.95);
        if (email != null) b.email(email);
        if (phone != null) b.phone(phone);
        return b.build();
    }

    static final class Builder {
        private final String leadId;
        private String website;
        private String page;
        private FieldValue name;
        private FieldValue address;
        private FieldValue description;
        private final List<FieldValue> emails = new ArrayList<>();
        private final List<FieldValue> phones = new ArrayList<>();
        private final List<FieldValue> socials = new ArrayList<>();
        private final List<FieldValue> categories = new ArrayList<>();
        private final List<FieldValue> openingHours = new ArrayList<>();
        private FieldValue foundingYear;
        private Instant fetchedAt = Instant.parse("2026-11-01T10:00:00Z");
        private SiteProfile site;
        private Firmographics firmographics;

        Builder(String leadId) {
            this.leadId = leadId;
            this.website = "https://" + leadId + "/";
            this.page = website;
        }

        Builder website(String url) { this.website = url; this.page = url; return this; }
        Builder page(String url) { this.page = url; return this; }
        Builder name(String v, String method, double confidence) { name = FieldValue.of(v, page, method, confidence); return this; }
        Builder address(String v) { return address(v, 0.9); }
        Builder address(String v, double confidence) { address = FieldValue.of(v, page, "json-ld", confidence); return this; }
        Builder description(String v) { description = FieldValue.of(v, page, "json-ld", 0.9); return this; }
        Builder email(String v) { emails.add(FieldValue.of(v, page, "mailto", 0.9)); return this; }
        Builder phone(String v) { phones.add(FieldValue.of(v, page, "tel", 0.9)); return this; }
        Builder social(String v) { socials.add(FieldValue.of(v, page, "link", 0.8)); return this; }
        Builder category(String v) { categories.add(FieldValue.of(v, page, "json-ld", 0.9)); return this; }
        Builder foundingYear(String v) { foundingYear = FieldValue.of(v, page, "json-ld", 0.9); return this; }
        Builder openingHours(String v) { openingHours.add(FieldValue.of(v, page, "json-ld", 0.9)); return this; }
        Builder fetchedAt(String instant) { fetchedAt = Instant.parse(instant); return this; }
        Builder site(String generator) {
            site = new SiteProfile(website, website.startsWith("https://"), generator, null, 1000, null,
                    List.of(), List.of(), List.of(), List.of(), List.of(), fetchedAt);
            return this;
        }

        Builder firmographics(Firmographics f) { firmographics = f; return this; }

        RawLead build() {
            return new RawLead(leadId, "req-1", website, page, "seed", name, emails, phones, address, null, description,
                    socials, categories, openingHours, null, foundingYear, List.of(page), fetchedAt,
                    new Provenance("scraper-agent", "test", "extractor-v2", fetchedAt), site, firmographics);
        }
    }

    private Leads() {
    }
}
