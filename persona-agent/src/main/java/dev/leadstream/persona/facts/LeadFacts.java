package dev.leadstream.persona.facts;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.ScoredLead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What we know about a lead, as facts a statement may cite: each field of the scored lead with the
 * page it was read on ({@code lead:<field>} or {@code lead:<field>:<n>} for lists), and each
 * enrichment signal ({@code signal:<name>}, or {@code signal:<name>:<n>} when a name repeats; the
 * field is {@code <kind>.<name>}). Contact and social signals are left out: they restate contact
 * fields, which the lead's own facts already carry.
 */
public final class LeadFacts {

    public static final String LEAD = "lead";
    public static final String SIGNAL = "signal";

    private static final List<String> SIGNAL_KINDS = List.of("trend", "technology", "website", "firmographic", "lookalike");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\"'<>]+");

    private LeadFacts() {
    }

    public static List<Draft.Fact> of(ScoredLead lead, List<EnrichedLead.Signal> signals) {
        List<Draft.Fact> facts = new ArrayList<>();
        Sources sources = new Sources(lead);
        single(facts, sources, "name", "name", lead.name());
        single(facts, sources, "website", "website", lead.website());
        single(facts, sources, "address", "address", lead.address());
        if (lead.location() != null) {
            ScoredLead.Location l = lead.location();
            single(facts, sources, "location.street", "address", l.street());
            single(facts, sources, "location.postcode", "address", l.postcode());
            single(facts, sources, "location.city", "address", l.city());
            single(facts, sources, "location.region", "address", l.region());
            single(facts, sources, "location.country", "address", l.country());
        }
        single(facts, sources, "sector", "categories", lead.sector());
        listed(facts, sources, "categories", "categories", lead.categories());
        single(facts, sources, "description", "description", lead.description());
        listed(facts, sources, "phones", "phones", lead.phones());
        listed(facts, sources, "emails", "emails", lead.emails());
        listed(facts, sources, "socialProfiles", "socialProfiles", lead.socialProfiles());
        List<FieldValue> premises = lead.evidence().getOrDefault("locations", List.of());
        for (int i = 0; i < premises.size(); i++) {
            Facts.addIfPresent(facts, LEAD + ":locations:" + i, LEAD, "locations", premises.get(i).value(), premises.get(i).sourceUrl());
        }
        if (lead.site() != null) {
            Facts.addIfPresent(facts, LEAD + ":site.url", LEAD, "site.url", lead.site().url(), lead.site().url());
            Facts.addIfPresent(facts, LEAD + ":site.generator", LEAD, "site.generator", lead.site().generator(), lead.site().url());
        }
        facts.addAll(ofSignals(signals, lead.website()));
        return List.copyOf(facts);
    }

    /** The fact id each signal gets, in the order of {@code signals}; null for a signal that is no fact. */
    public static List<String> signalIds(List<EnrichedLead.Signal> signals) {
        Map<String, Integer> occurrences = new HashMap<>();
        signals.stream().filter(LeadFacts::isFact).forEach(s -> occurrences.merge(s.name(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (EnrichedLead.Signal s : signals) {
            if (!isFact(s)) {
                ids.add(null);
                continue;
            }
            int n = seen.merge(s.name(), 1, Integer::sum) - 1;
            ids.add(SIGNAL + ":" + s.name() + (occurrences.get(s.name()) > 1 ? ":" + n : ""));
        }
        return ids;
    }

    private static List<Draft.Fact> ofSignals(List<EnrichedLead.Signal> signals, String website) {
        List<String> ids = signalIds(signals);
        List<Draft.Fact> facts = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            EnrichedLead.Signal s = signals.get(i);
            if (ids.get(i) != null && s.value() != null && !s.value().isBlank()) {
                facts.add(new Draft.Fact(ids.get(i), SIGNAL, s.kind() + "." + s.name(), s.value(), sourceOf(s.evidence(), website)));
            }
        }
        return facts;
    }

    private static boolean isFact(EnrichedLead.Signal s) {
        return s != null && s.name() != null && SIGNAL_KINDS.contains(s.kind());
    }

    /**
     * The page a signal's evidence names: its last URL, as evidence ends with the page ("script
     * https://cdn... on https://rose.test/", "posted at https://rose.test/careers").
     */
    private static String sourceOf(String evidence, String fallback) {
        String page = fallback;
        if (evidence != null) {
            Matcher url = URL.matcher(evidence);
            while (url.find()) {
                page = url.group().replaceAll("[.,;:]+$", "");
            }
        }
        return page;
    }

    private static void single(List<Draft.Fact> facts, Sources sources, String field, String evidenceField, String value) {
        Facts.addIfPresent(facts, LEAD + ":" + field, LEAD, field, value, sources.of(evidenceField, value));
    }

    private static void listed(List<Draft.Fact> facts, Sources sources, String field, String evidenceField, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            Facts.addIfPresent(facts, LEAD + ":" + field + ":" + i, LEAD, field, values.get(i), sources.of(evidenceField, values.get(i)));
        }
    }


    /** The page a value was read on: its own evidence, else the field's, else the lead's first page or site. */
    private record Sources(ScoredLead lead) {
        String of(String field, String value) {
            List<FieldValue> seen = lead.evidence().getOrDefault(field, List.of());
            return seen.stream().filter(v -> v.value() != null && v.value().equalsIgnoreCase(value == null ? "" : value.strip()))
                    .map(FieldValue::sourceUrl).findFirst()
                    .or(() -> seen.stream().map(FieldValue::sourceUrl).findFirst())
                    .orElse(lead.sourceUrls().isEmpty() ? lead.website() : lead.sourceUrls().getFirst());
        }
    }
}
