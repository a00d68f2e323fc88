package dev.leadstream.persona.draft;

import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;

/**
 * What a draft is written from: a selection (no previous draft) or a regenerate request (the
 * previous version and the reviewer's instruction).
 */
public record DraftRequest(String decisionId, ScoredLead lead, List<EnrichedLead.Signal> signals, Campaign campaign,
                           Draft previous, String instruction) {

    public DraftRequest {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** The request a decision carries; it must already have been checked to carry what its type needs. */
    public static DraftRequest of(Approval approval) {
        return new DraftRequest(approval.eventId(), approval.lead(), approval.signals(), approval.campaign(),
                approval.isRegenerate() ? approval.draft() : null, approval.isRegenerate() ? approval.instruction() : null);
    }
}
