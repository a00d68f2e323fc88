package dev.leadstream.topics.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * A reviewer decision that unlocks work.
 * <ul>
 * <li>{@code lead.selected}: a lead chosen for a campaign. It carries the lead, its enrichment
 * signals and the campaign version it was selected into, so persona-agent needs nothing else and
 * a later edit of the campaign does not change what this selection meant.</li>
 * <li>{@code draft.regenerate}: a reviewer asks for a new version of a draft, with an instruction
 * ("shorter"); it carries the same as a selection plus the draft it replaces.</li>
 * <li>{@code draft.approved}: a draft approved as final content.</li>
 * </ul>
 */
public record Approval(
        String eventId,
        String type,
        String leadId,
        String reviewer,
        Instant decidedAt,
        ScoredLead lead,
        Draft draft,
        List<EnrichedLead.Signal> signals,
        Campaign campaign,
        String instruction) {

    public static final String LEAD_SELECTED = "lead.selected";
    public static final String DRAFT_REGENERATE = "draft.regenerate";
    public static final String DRAFT_APPROVED = "draft.approved";

    public Approval {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    public static Approval leadSelected(String eventId, ScoredLead lead, List<EnrichedLead.Signal> signals,
                                        Campaign campaign, String reviewer) {
        return new Approval(eventId, LEAD_SELECTED, lead.leadId(), reviewer, Instant.now(), lead, null, signals, campaign, null);
    }

    /** A selection without a campaign, as hitl-api made them before campaigns existed. */
    public static Approval leadSelected(String eventId, ScoredLead lead, String reviewer) {
        return leadSelected(eventId, lead, List.of(), null, reviewer);
    }

    public static Approval regenerate(String eventId, ScoredLead lead, List<EnrichedLead.Signal> signals,
                                      Campaign campaign, Draft previous, String instruction, String reviewer) {
        return new Approval(eventId, DRAFT_REGENERATE, lead.leadId(), reviewer, Instant.now(), lead, previous, signals,
                campaign, instruction);
    }

    public static Approval draftApproved(String eventId, Draft draft, String reviewer) {
        return new Approval(eventId, DRAFT_APPROVED, draft.leadId(), reviewer, Instant.now(), null, draft, List.of(), null, null);
    }

    @JsonIgnore
    public boolean isLeadSelected() {
        return LEAD_SELECTED.equals(type);
    }

    @JsonIgnore
    public boolean isRegenerate() {
        return DRAFT_REGENERATE.equals(type);
    }

    @JsonIgnore
    public boolean isDraftApproved() {
        return DRAFT_APPROVED.equals(type);
    }
}
