package dev.leadstream.hitl.model;

import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** One lead as the review table holds it: the reviewer's status, the latest scoring and the enrichment signals. */
public record LeadRow(String leadId, String status, int version, ScoredLead lead, List<EnrichedLead.Signal> signals) {

    private static final List<String> HIGHLIGHTED = List.of("technology", "firmographic", "trend", "lookalike");
    /** Of the firmographic hints, the ones about size and reach fit in a table cell. */
    private static final Set<String> SIZE_HINTS = Set.of("price_range", "locations", "employees", "team_size", "open_roles");

    /** What the review table shows of enrichment: technology, size, trends and lookalikes, the evidence on hover. */
    public List<EnrichedLead.Signal> highlights() {
        return signals.stream().filter(s -> HIGHLIGHTED.contains(s.kind()))
                .filter(s -> !s.kind().equals("firmographic") || SIZE_HINTS.contains(s.name()))
                // a stated headcount says more than the people a team page shows; the lead page has both
                .filter(s -> !s.name().equals("team_size") || signals.stream().noneMatch(o -> o.name().equals("employees")))
                .sorted(Comparator.comparingInt(s -> HIGHLIGHTED.indexOf(s.kind())))
                .toList();
    }
}
