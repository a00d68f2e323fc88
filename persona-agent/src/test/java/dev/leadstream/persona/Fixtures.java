package dev.leadstream.persona;

import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.SiteProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Leads, signals and campaigns as the other agents make them, for persona-agent's tests. */
public final class Fixtures {

    public static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    private Fixtures() {
    }

    /** A lead with a site, an address in parts, a description and an email, in the language its html declares. */
    public static ScoredLead lead(String leadId, String name, String sector, String city, String description, String htmlLang) {
        String site = "https://" + leadId + "/";
        Map<String, List<FieldValue>> evidence = new HashMap<>();
        evidence.put("name", List.of(FieldValue.of(name, site, "json-ld", 0.9)));
        evidence.put("description", description == null ? List.of() : List.of(FieldValue.of(description, site + "about", "meta", 0.6)));
        evidence.put("emails", List.of(FieldValue.of("hello@" + leadId, site + "contact", "mailto", 0.9)));
        return new ScoredLead(leadId, name, site, List.of("hello@" + leadId), List.of("+441130000000"), "1 Mill Lane, " + city,
                description, List.of(), sector == null ? List.of() : List.of(sector), List.of(site), "default", 70, "B", List.of(),
                "prior-v1", Provenance.of("test", "1", null), sector, new ScoredLead.Location("1 Mill Lane", "LS1 1AA", city, null, "GB"),
                List.of(), Map.of(), null, List.of(), List.of(), evidence, List.of(), AT, List.of(),
                new SiteProfile(site, true, "WordPress 6.4", "width=device-width", 40_000, null, List.of(), List.of(), List.of(),
                        List.of(), List.of(), AT, htmlLang));
    }

    /** A lead that states only its name, site and description, nothing with evidence. */
    public static ScoredLead bareLead(String leadId, String description) {
        return new ScoredLead(leadId, "Rose Bakery", "https://" + leadId + "/", List.of("hello@" + leadId), List.of(), null, description,
                List.of(), List.of("Bakery"), List.of(), "default", 70, "B", List.of(), "prior-v1", Provenance.of("test", "1", null),
                "bakery", null, null, null, null, null, null, null, null, null, null, null);
    }

    public static EnrichedLead.Signal technology(String category, String name, String leadId) {
        return new EnrichedLead.Signal("technology", category, name, "script https://cdn." + name.toLowerCase().replace(' ', '-')
                + ".example/x.js on https://" + leadId + "/");
    }

    public static EnrichedLead.Signal hiring(int roles, String leadId) {
        return new EnrichedLead.Signal("firmographic", "open_roles", Integer.toString(roles), "hiring Baker, Barista, posted at https://"
                + leadId + "/careers (json-ld)");
    }

    public static EnrichedLead.Signal locations(int premises, String leadId) {
        return new EnrichedLead.Signal("firmographic", "locations", Integer.toString(premises), premises
                + " premises named: 1 Mill Lane; 9 High Street (at https://" + leadId + "/locations)");
    }

    public static EnrichedLead.Signal rising(String term) {
        return new EnrichedLead.Signal("trend", "rising", term, "5 new leads in bakery × GB mention it in the window from "
                + "2026-11-26T09:00:00Z, against 0.5 per window over the 8 before; score 3.1");
    }

    public static EnrichedLead.Signal years(int years) {
        return new EnrichedLead.Signal("firmographic", "years_in_business", Integer.toString(years),
                "founded " + (2026 - years) + ", stated at https://example.test/about (json-ld)");
    }

    public static EnrichedLead.Signal lookalike(String other, String outcome) {
        return new EnrichedLead.Signal("lookalike", "similar_to", other, "similarity 0.83 to Other, which " + outcome
                + " on 2026-11-20; same sector (bakery)");
    }

    /** A campaign for online ordering, in English and German, with translations for Dutch and French as well. */
    public static Campaign campaign(List<String> languages, List<String> channels) {
        return new Campaign("spring-bakers", 3, "Spring for bakers", Campaign.ACTIVE,
                new Campaign.Offering("OvenBook", "Online ordering for bakeries", List.of(
                        new Campaign.Statement("pre-orders", "value", "Customers pre-order bread online and collect it on the way to work.",
                                "brief:3", Map.of("de", "Ihre Kunden bestellen Brot online vor und holen es auf dem Weg zur Arbeit ab.",
                                "nl", "Klanten bestellen hun brood online en halen het op weg naar hun werk op.",
                                "fr", "Vos clients commandent leur pain en ligne et le récupèrent en allant au travail.")),
                        new Campaign.Statement("waste", "value", "You bake to the orders you have, so less is left at closing time.",
                                "brief:4", Map.of("de", "Sie backen nach den Bestellungen, die Sie haben, und am Abend bleibt weniger übrig.",
                                "nl", "Je bakt op basis van de bestellingen die er zijn, dus er blijft minder over.",
                                "fr", "Vous cuisez selon les commandes reçues, il reste donc moins d'invendus le soir.")),
                        new Campaign.Statement("price", "price", "It costs GBP 29 a month, with no setup fee.",
                                "https://ovenbook.example/pricing", Map.of("de", "Es kostet 29 GBP im Monat, ohne Einrichtungsgebühr.",
                                "nl", "Het kost 29 GBP per maand, zonder opstartkosten.",
                                "fr", "Cela coûte 29 GBP par mois, sans frais d'installation.")),
                        new Campaign.Statement("proof", "proof", "Forty bakeries in Yorkshire take their orders this way.",
                                "https://ovenbook.example/customers", Map.of()))),
                new Campaign.Sender("Sam Carter", "OvenBook Ltd", "Founder", "sam@ovenbook.example", "replies@ovenbook.example",
                        "2 Canal Street, Leeds LS1 4AB, United Kingdom", "https://ovenbook.example/"),
                "warm, brief", "a 15-minute call", channels, languages, List.of(),
                List.of(new Campaign.Step(0, 0, "intro"), new Campaign.Step(1, 3, "follow-up"), new Campaign.Step(2, 8, "last")),
                new Campaign.SendPreferences("Europe/London", List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00", 50),
                "ana", AT, Provenance.of("hitl-api", "0.1.0", null));
    }

    public static Campaign campaign() {
        return campaign(List.of("en", "de", "nl", "fr"), Campaign.CHANNELS);
    }

    /** A rich set of signals for one lead. */
    public static List<EnrichedLead.Signal> signals(String leadId) {
        List<EnrichedLead.Signal> signals = new ArrayList<>();
        signals.add(technology("cms", "WordPress", leadId));
        signals.add(new EnrichedLead.Signal("website", "https", "true", "https://" + leadId + "/"));
        signals.add(new EnrichedLead.Signal("contact", "email_kind", "role", "hello@" + leadId));
        signals.add(hiring(2, leadId));
        signals.add(rising("sourdough"));
        signals.add(rising("rye"));
        return signals;
    }
}
