package dev.leadstream.enrichment.lookalike;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;
import java.util.StringJoiner;

/**
 * The text a lead is embedded from: what the business is, where, and what its website runs on.
 * Contact details are left out, so vectors and their payloads carry no personal data.
 */
public final class ProfileText {

    private ProfileText() {
    }

    public static String of(ScoredLead lead, List<Signal> signals) {
        StringJoiner text = new StringJoiner(". ");
        if (lead.name() != null) {
            text.add(lead.name());
        }
        if (lead.sector() != null) {
            text.add(lead.sector().replace('-', ' '));
        }
        if (!lead.categories().isEmpty()) {
            text.add(String.join(", ", lead.categories()));
        }
        if (lead.location() != null && lead.location().city() != null) {
            text.add("in " + lead.location().city());
        }
        if (lead.description() != null) {
            text.add(lead.description());
        }
        List<String> technology = technology(signals);
        if (!technology.isEmpty()) {
            text.add("website uses " + String.join(", ", technology));
        }
        return text.toString();
    }

    static List<String> technology(List<Signal> signals) {
        return signals.stream().filter(s -> s.kind().equals("technology")).map(Signal::value).distinct().toList();
    }
}
