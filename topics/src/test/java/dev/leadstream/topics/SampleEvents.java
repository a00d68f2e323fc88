package dev.leadstream.topics;

import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.event.SiteProfile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fully populated event per topic: every optional field set, so a schema sees all of them. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");
    static final Provenance PROVENANCE = new Provenance("test-agent", "1.0", "rules-v1", AT);
    static final String PAGE = "https://rose-bakery.example/contact";

    static DiscoveryRequest discoveryRequest() {
        return new DiscoveryRequest("req-1", "bakeries", "Leeds, GB", List.of("sourdough"),
                List.of("https://rose-bakery.example/"), List.of("seed", "import"),
                "name,website\nRose Bakery,https://rose-bakery.example/\n", true, new DiscoveryRequest.Limits(50, 2, 10, 120), "ana", AT);
    }

    static RawLead rawLead() {
        FieldValue name = FieldValue.of("Rose Bakery", PAGE, "json-ld", 0.95);
        return new RawLead("rose-bakery.example", "req-1", "https://rose-bakery.example/", PAGE, "directory", name,
                List.of(FieldValue.of("hello@rose-bakery.example", PAGE, "mailto", 0.9)),
                List.of(FieldValue.of("+441130000000", PAGE, "tel", 0.9)),
                FieldValue.of("1 Mill Lane, Leeds", PAGE, "json-ld", 0.9),
                FieldValue.of("53.7997,-1.5492", PAGE, "json-ld", 0.9),
                FieldValue.of("Sourdough and cakes", PAGE, "meta", 0.6),
                List.of(FieldValue.of("https://instagram.com/rosebakery", PAGE, "heuristic", 0.7)),
                List.of(FieldValue.of("Bakery", PAGE, "json-ld", 0.9)),
                List.of(FieldValue.of("Mo-Fr 08:00-17:00", PAGE, "json-ld", 0.9)),
                FieldValue.of("en", PAGE, "html-lang", 0.8),
                FieldValue.of("1998", PAGE, "json-ld", 0.9),
                List.of("https://rose-bakery.example/", PAGE), AT, PROVENANCE, site(), firmographics());
    }

    static Firmographics firmographics() {
        String careers = "https://rose-bakery.example/careers";
        return new Firmographics(FieldValue.of("££", PAGE, "json-ld", 0.95),
                List.of(FieldValue.of("1 Mill Lane, Leeds", PAGE, "json-ld", 0.95),
                        FieldValue.of("4 Park Row, Leeds", "https://rose-bakery.example/locations", "json-ld", 0.95)),
                FieldValue.of("12", "https://rose-bakery.example/about", "heuristic", 0.6),
                FieldValue.of("5", "https://rose-bakery.example/team", "microdata", 0.9),
                FieldValue.of("2: Baker, Shop assistant", careers, "json-ld", 0.95));
    }

    static DiscoveryProgress discoveryProgress() {
        return new DiscoveryProgress("req-1", DiscoveryProgress.COMPLETED, 40, 2, 1, 3, 0, 12, 10,
                List.of("maxLeads reached"), AT, AT);
    }

    static ScoredLead scoredLead() {
        return new ScoredLead("rose-bakery.example", "Rose Bakery", "https://rose-bakery.example/",
                List.of("hello@rose-bakery.example"), List.of("+441130000000"), "1 Mill Lane, Leeds",
                "Sourdough and cakes", List.of("https://instagram.com/rosebakery"), List.of("Bakery"),
                List.of(PAGE), "default", 80, "A",
                List.of(new ScoredLead.FeatureContribution("has_email", 1, 30, 30, "an email address was found")),
                "prior-1", PROVENANCE, "bakery",
                new ScoredLead.Location("1 Mill Lane", "LS1 3AB", "Leeds", null, "GB"),
                List.of(new ScoredLead.Email("hello@rose-bakery.example", ScoredLead.Email.ROLE)),
                Map.of("instagram", "rosebakery"), new ScoredLead.Signals(true, true, 0.9, 3),
                List.of(new ScoredLead.DuplicateLink("rose-bakery-leeds.example", "phone", "both list +441130000000")),
                List.of(), Map.of("name", List.of(FieldValue.of("Rose Bakery", PAGE, "json-ld", 0.95))),
                List.of(new ScoredLead.FieldChange("name", "Rose", "Rose Bakery", PAGE, PROVENANCE.at())),
                PROVENANCE.at(), List.of("req-1"), site());
    }

    static SiteProfile site() {
        return new SiteProfile("https://rose-bakery.example/", true, "WordPress 6.5", "width=device-width, initial-scale=1",
                48_213, "Thu, 05 Nov 2026 10:00:00 GMT", List.of("https://rose-bakery.example/wp-includes/js/jquery.js"),
                List.of("https://www.googletagmanager.com/gtm.js"), List.of("https://rose-bakery.example/wp-content/style.css"),
                List.of("https://calendly.com/rose-bakery"), List.of("https://www.opentable.com/r/rose-bakery"), AT, "en");
    }

    static EnrichedLead enrichedLead() {
        return new EnrichedLead("rose-bakery.example", scoredLead(),
                List.of(new EnrichedLead.Signal("website", "https", "true", "https://rose-bakery.example/")),
                PROVENANCE);
    }

    static Campaign campaign() {
        return new Campaign("spring-bakers", 2, "Spring for bakers", Campaign.ACTIVE,
                new Campaign.Offering("OvenBook", "Online ordering for bakeries",
                        List.of(new Campaign.Statement("pre-orders", "value", "Customers pre-order bread for collection.",
                                "brief:3", Map.of("de", "Kunden bestellen Brot zur Abholung vor.")),
                                new Campaign.Statement("price", "price", "From GBP 29 a month.", "https://ovenbook.example/pricing", Map.of()))),
                new Campaign.Sender("Sam Carter", "OvenBook Ltd", "Founder", "sam@ovenbook.example", "replies@ovenbook.example",
                        "2 Canal Street, Leeds LS1 4AB, United Kingdom", "https://ovenbook.example/"),
                "warm, brief", "a 15-minute call", List.of("email", "instagram"), List.of("en", "de"), List.of("uk-food"),
                List.of(new Campaign.Step(0, 0, "intro"), new Campaign.Step(1, 3, "follow-up"), new Campaign.Step(2, 8, "last")),
                new Campaign.SendPreferences("Europe/London", List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00", 50),
                "ana", AT, PROVENANCE);
    }

    static Draft draft() {
        Draft.Statement aboutLead = new Draft.Statement("s1", "You bake sourdough in Leeds.", "lead",
                List.of("lead:description", "lead:location.city"), Draft.Statement.SUPPORTED, null);
        Draft.Statement aboutOffering = new Draft.Statement("s2", "From GBP 29 a month.", "offering",
                List.of("campaign:price"), Draft.Statement.UNSUPPORTED, "GBP 29 is in no cited fact");
        return new Draft("draft-1", "rose-bakery.example", 1,
                new Draft.Persona("Owner of a neighbourhood bakery", "warm", List.of("sourdough"), "the owner", List.of(aboutLead)),
                new Draft.Email("hello@rose-bakery.example", "Hello Rose Bakery", "Hi there", "<p>Hi there</p>"),
                List.of(new Draft.SocialPost("instagram", "Love your sourdough")),
                List.of(new Draft.Claim("You bake sourdough", List.of("description"))),
                List.of(new Draft.GuardrailFinding("grounded", "info", "every claim has a fact")),
                PROVENANCE, "uk-food", "spring-bakers", 2, "en",
                List.of(new Draft.Message("email:0:signal-led", "email", 0, 0, "hello@rose-bakery.example", "Sourdough pre-orders",
                                "A thought for Rose Bakery", "Hi there", "<p>Hi there</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>",
                                List.of(), null, List.of(aboutLead, aboutOffering)),
                        new Draft.Message("tiktok:0:story", "tiktok", 0, 0, null, null, null, "Bread, pre-ordered", null,
                                List.of("sourdough"), "Show the queue, then the pre-order", List.of())),
                List.of(new Draft.Fact("lead:description", "lead", "description", "Sourdough bakers", PAGE),
                        new Draft.Fact("campaign:price", "campaign", "price", "From GBP 29 a month.", "https://ovenbook.example/pricing")),
                new Draft.Generation("llm", "gpt-test", "Write an email", 0.4, 812, 230, 2, null, "shorter", List.of("example-7")));
    }

    static Approval leadSelected() {
        return Approval.leadSelected("evt-1", scoredLead(), enrichedLead().signals(), campaign(), "ana");
    }

    static Approval regenerate() {
        return Approval.regenerate("evt-4", scoredLead(), enrichedLead().signals(), campaign(), draft(), "shorter", "ana");
    }

    static Approval draftApproved() {
        return Approval.draftApproved("evt-2", draft(), "ana");
    }

    static Engagement engagement() {
        return new Engagement("evt-3", "rose-bakery.example", Engagement.SENT, "email", "draft-1", "default",
                "a", "smtp accepted", AT, PROVENANCE);
    }

    static ScoringModel scoringModel() {
        return new ScoringModel("default", "learned-1", Map.of("has_email", 32.5), 12, AT, PROVENANCE);
    }

    private SampleEvents() {
    }
}
