package dev.leadstream.topics.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * A reviewer decision that unlocks work: a lead chosen for outreach (it carries the lead, so the
 * persona agent needs nothing else) or a draft approved as final content.
 */
public record Approval(
        String eventId,
        String type,
        String leadId,
        String reviewer,
        Instant decidedAt,
        ScoredLead lead,
        Draft draft) {

    public static final String LEAD_SELECTED = "lead.selected";
    public static final String DRAFT_APPROVED = "draft.approved";

    public static Approval leadSelected(String eventId, ScoredLead lead, String reviewer) {
        return new Approval(eventId, LEAD_SELECTED, lead.leadId(), reviewer, Instant.now(), lead, null);
    }

    public static Approval draftApproved(String eventId, Draft draft, String reviewer) {
        return new Approval(eventId, DRAFT_APPROVED, draft.leadId(), reviewer, Instant.now(), null, draft);
    }

    @JsonIgnore
    public boolean isLeadSelected() {
        return LEAD_SELECTED.equals(type);
    }

    @JsonIgnore
    public boolean isDraftApproved() {
        return DRAFT_APPROVED.equals(type);
    }
}
