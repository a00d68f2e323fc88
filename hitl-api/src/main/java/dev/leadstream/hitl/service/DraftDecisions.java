package dev.leadstream.hitl.service;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import dev.leadstream.hitl.model.DraftChange;
import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.DecisionRepository;
import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;

import static dev.leadstream.hitl.service.DecisionTransaction.approval;
import static dev.leadstream.hitl.service.DecisionTransaction.decision;
import static dev.leadstream.hitl.service.DecisionTransaction.outbox;

/**
 * The decisions about a draft: edit it into its next version, have persona-agent write it again
 * with an instruction, approve it as final content, reject it. Each is written with its outbox
 * row in ONE transaction (see {@link DecisionTransaction}).
 */
@ApplicationScoped
public class DraftDecisions {

    public static final String DRAFT_APPROVED = Approval.DRAFT_APPROVED;
    public static final String DRAFT_REGENERATE = Approval.DRAFT_REGENERATE;
    public static final String DRAFT_EDITED = "draft.edited";
    public static final String DRAFT_REJECTED = "draft.rejected";

    private final DecisionTransaction transaction;
    private final DraftRepository drafts;
    private final LeadRepository leads;
    private final DecisionRepository decisions;
    private final CampaignService campaigns;

    public DraftDecisions(DecisionTransaction transaction, DraftRepository drafts, LeadRepository leads, DecisionRepository decisions,
                          CampaignService campaigns) {
        this.transaction = transaction;
        this.drafts = drafts;
        this.leads = leads;
        this.decisions = decisions;
        this.campaigns = campaigns;
    }

    /**
     * Asks persona-agent to write the draft again with the reviewer's instruction: a
     * draft.regenerate event carrying the lead, its signals, the campaign version the draft was
     * written for and the draft itself. The new version arrives on drafts as the next version of
     * the same draft; until then the draft is regenerating, and is neither edited nor approved.
     * Asking again meanwhile is allowed (a request persona-agent could not answer is not a dead end).
     */
    public Uni<Decision> regenerateDraft(String draftId, Integer expectedVersion, String instruction, String reviewer,
                                         String idempotencyKey) {
        if (expectedVersion == null) {
            throw new ApiProblem(null, 422, "version must name the draft version to write again", Map.of("field", "version"));
        }
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, DRAFT_REGENERATE, draftId, expectedVersion + "\n" + instruction);
        return transaction.once(key, session -> pendingDraft(session, draftId, expectedVersion).chain(row -> {
            Draft draft = row.draft();
            if (draft.campaignId() == null || draft.campaignVersion() == null) {
                throw new ApiProblem(422, "draft " + draftId + " was written without a campaign, so it cannot be written again;"
                        + " select the lead into a campaign for a new draft");
            }
            return leads.find(session, draft.leadId()).chain(lead -> {
                if (lead == null) {
                    throw ApiProblem.notFound("draft " + draftId + " is for lead " + draft.leadId() + ", which is not in the lead table");
                }
                return campaigns.version(session, draft.campaignId(), draft.campaignVersion()).chain(campaign -> {
                    Decision decision = decision(DRAFT_REGENERATE, draft.leadId(), draftId, reviewer, key);
                    decision.comment = instruction;
                    decision.campaignId = campaign.campaignId();
                    decision.campaignVersion = campaign.version();
                    OutboxEvent event = approval(decision, Approval.regenerate(decision.id.toString(), lead.lead(), lead.signals(),
                            campaign, draft, instruction, reviewer));
                    return drafts.markRegenerating(session, draftId, draft.version()).invoke(marked -> {
                        if (marked == 0) {
                            throw ApiProblem.versionConflict("draft " + draftId + " was decided or changed by someone else",
                                    draft.version(), null);
                        }
                    }).chain(() -> decisions.record(session, decision, event)).replaceWith(decision);
                });
            });
        }));
    }

    /**
     * Approves the draft as it stands, its HTML made safe for email first; a draft with a sentence
     * the grounding gate found unsupported is refused (422) with each such sentence. With
     * {@code expectedVersion} (the reviewer's If-Match), a draft changed since the reviewer read it
     * is refused with 409 and its current version. A lead already contacted gets no second draft.
     */
    public Uni<Decision> approveDraft(String draftId, Integer expectedVersion, String reviewer, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, DRAFT_APPROVED, draftId, String.valueOf(expectedVersion));
        return transaction.once(key, session -> editable(session, draftId, expectedVersion).chain(row -> {
            ApiProblem unsupported = UnsupportedSentences.refusal(row.draft());
            if (unsupported != null) {
                throw unsupported;
            }
            ApiProblem incomplete = RequiredEmailParts.refusal(row.draft());
            if (incomplete != null) {
                throw incomplete;
            }
            row.draft().findings().stream().filter(f -> "block".equals(f.severity())).findFirst().ifPresent(f -> {
                throw new ApiProblem(422, "draft " + draftId + " is blocked: " + f.message());
            });
            Draft safe = EmailHtml.sanitised(row.draft());
            Decision decision = decision(DRAFT_APPROVED, row.draft().leadId(), draftId, reviewer, key);
            return leads.contacted(session, List.of(row.draft().leadId())).chain(contacted -> {
                if (!contacted.isEmpty()) {
                    throw DecisionService.alreadyContacted(row.draft().leadId());
                }
                return (safe == row.draft() ? Uni.createFrom().item(1) : drafts.replaceContent(session, safe));
            }).chain(() -> decideDraft(session, row, "approved"))
                    .chain(() -> decisions.record(session, decision,
                            approval(decision, Approval.draftApproved(decision.id.toString(), safe, reviewer))))
                    .replaceWith(decision);
        }));
    }

    /**
     * Saves a reviewer's edit as the draft's next version, in ONE transaction with its decision and
     * the outbox row that publishes the new version to the drafts topic. Its HTML is made safe for
     * email, with a finding when something was removed, and every edited message is checked again
     * by the grounding gate (see {@link DraftEdit#applyTo}). An edit made against an older version
     * is refused with 409 and the current version.
     */
    public Uni<Decision> editDraft(String draftId, DraftEdit edit, String reviewer, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, DRAFT_EDITED, draftId, EventJson.toJson(edit));
        return transaction.once(key, session -> editable(session, draftId, edit.version()).chain(row -> {
            Draft edited = edit.applyTo(row.draft(), reviewer);
            List<DraftChange> changes = DraftChanges.between(row.draft(), edited);
            Decision decision = decision(DRAFT_EDITED, row.draft().leadId(), draftId, reviewer, key);
            OutboxEvent event = outbox(decision.id, Topics.DRAFTS, edited.leadId(), Topics.DRAFTS.eventType(), edited);
            return drafts.saveEdit(session, edited, row.draft().version(), reviewer, changes).chain(updated -> {
                if (updated == 0) {
                    throw ApiProblem.versionConflict("draft " + draftId + " was changed by someone else", row.draft().version() + 1, null);
                }
                return decisions.record(session, decision, event).replaceWith(decision);
            });
        }));
    }

    /**
     * Rejects the draft with the reviewer's comment. The rejection sends a {@code rejected}
     * engagement signal through the outbox, so the lead's segment learns from it.
     */
    public Uni<Decision> rejectDraft(String draftId, Integer expectedVersion, String comment, String reviewer,
                                     String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, DRAFT_REJECTED, draftId, expectedVersion + "\n" + comment);
        return transaction.once(key, session -> pendingDraft(session, draftId, expectedVersion).chain(row -> {
            Decision decision = decision(DRAFT_REJECTED, row.draft().leadId(), draftId, reviewer, key);
            decision.comment = comment;
            Engagement signal = new Engagement(decision.id.toString(), row.draft().leadId(), Engagement.REJECTED, "review",
                    draftId, row.draft().segment(), "v" + row.draft().version(), comment, decision.createdAt,
                    Provenance.of("hitl-api", "0.1.0", "reviewer:" + reviewer));
            OutboxEvent event = outbox(decision.id, Topics.ENGAGEMENT, row.draft().leadId(), Topics.ENGAGEMENT.eventType(), signal);
            return decideDraft(session, row, "rejected")
                    .chain(() -> decisions.record(session, decision, event)).replaceWith(decision);
        }));
    }

    private Uni<Void> decideDraft(Mutiny.Session session, DraftRow row, String status) {
        return drafts.decide(session, row.draft().draftId(), row.draft().version(), status).invoke(updated -> {
            if (updated == 0) {
                throw ApiProblem.versionConflict("draft " + row.draft().draftId() + " was decided or changed by someone else",
                        row.draft().version(), null);
            }
        }).replaceWithVoid();
    }

    /**
     * A pending draft that is not being written again: an edit or approval meanwhile would be lost
     * to the new version, or overtake it.
     */
    private Uni<DraftRow> editable(Mutiny.Session session, String draftId, Integer expectedVersion) {
        return pendingDraft(session, draftId, expectedVersion).invoke(row -> {
            if (DraftRow.REGENERATING.equals(row.generationStatus())) {
                int version = row.draft().version();
                throw ApiProblem.versionConflict("draft " + draftId + " is being written again from version " + version
                        + "; edit or approve version " + (version + 1) + " when it arrives", version, DraftRow.REGENERATING);
            }
        });
    }

    /** The draft, if it exists, is still pending, and (when a version is expected) still at that version. */
    private Uni<DraftRow> pendingDraft(Mutiny.Session session, String draftId, Integer expectedVersion) {
        return drafts.find(session, draftId).map(row -> {
            if (row == null) {
                throw ApiProblem.notFound("no draft " + draftId);
            }
            if (!"pending".equals(row.status())) {
                throw ApiProblem.versionConflict("draft " + draftId + " is already " + row.status(), row.draft().version(), row.status());
            }
            if (expectedVersion != null && expectedVersion != row.draft().version()) {
                throw ApiProblem.versionConflict("draft " + draftId + " is at version " + row.draft().version()
                        + ", not " + expectedVersion + "; reload it and decide again", row.draft().version(), row.status());
            }
            return row;
        });
    }
}
