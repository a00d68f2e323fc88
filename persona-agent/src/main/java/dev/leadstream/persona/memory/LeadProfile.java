package dev.leadstream.persona.memory;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;

import java.util.StringJoiner;

/**
 * What kind of business a lead is and whom we write to there, as text to embed: sector,
 * categories, city, description, website technology, and the persona. Neither the name nor any
 * contact detail, so leads resemble each other by what they are, and nothing stored reaches anyone.
 */
final class LeadProfile {

    private LeadProfile() {
    }

    static String of(Brief brief) {
        StringJoiner text = new StringJoiner(". ");
        ScoredLead lead = brief.lead();
        if (lead != null) {
            add(text, lead.sector() == null ? null : lead.sector().replace('-', ' '));
            add(text, String.join(", ", lead.categories()));
            add(text, lead.location() == null || lead.location().city() == null ? null : "in " + lead.location().city());
            add(text, lead.description());
        }
        String technology = String.join(", ", brief.signals().stream().filter(s -> "technology".equals(s.kind()))
                .map(EnrichedLead.Signal::value).distinct().toList());
        add(text, technology.isEmpty() ? null : "website uses " + technology);
        if (brief.persona() != null) {
            add(text, brief.persona().decisionMaker());
            add(text, brief.persona().summary());
            add(text, String.join(", ", brief.persona().interests()));
        }
        return text.toString();
    }

    private static void add(StringJoiner text, String part) {
        if (part != null && !part.isBlank()) {
            text.add(part.strip());
        }
    }
}
