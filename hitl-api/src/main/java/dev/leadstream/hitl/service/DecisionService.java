package dev.leadstream.hitl.service;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every reviewer decision is written together with its outbox row in ONE transaction: either both
 * exist or neither, so a decision can never be lost or published without being recorded.
 */
@ApplicationScoped
public class DecisionService {

    public static final String LEAD_SELECTED = Approval.LEAD_SELECTED;
    public static final String DRAFT_APPROVED = Approval.DRAFT_APPROVED;
    public static final String DISCOVERY_REQUESTED = "discovery.requested";
    public static final String LEAD_REJECTED = "lead.rejected";
    public static final String DRAFT_EDITED = "draft.edited";
    public static final String DRAFT_REJECTED = "draft.rejected";

    /** What a bulk decision did to each lead it named. */
    public record BulkOutcome(List<String> decided, Map<String, String> skipped) {
    }

    private final Mutiny.SessionFactory sessions;
    private final LeadRepository leads;
    private final DraftRepository drafts;

    public DecisionService(Mutiny.SessionFactory sessions, LeadRepository leads, DraftRepository drafts) {
        this.sessions = sessions;
        this.leads = leads;
        this.drafts = drafts;
    }

    public Uni<Decision> selectLead(String leadId, String reviewer, String idempotencyKey) {
        return once(idempotencyKey, session -> leads.find(session, leadId).chain(row -> {
            if (row == null) {
                throw new NotFoundException("no lead " + leadId);
            }
            if ("selected".equals(row.status())) {
                throw new ClientErrorException("lead " + leadId + " is already selected", Response.Status.CONFLICT);
            }
            Decision decision = Decision.of(LEAD_SELECTED, leadId, leadId, reviewer, idempotencyKey);
            return record(session, decision, Approval.leadSelected(decision.id.toString(), row.lead(), reviewer))
                    .chain(() -> leads.setStatus(session, leadId, "selected"))
                    .replaceWith(decision);
        }));
    }

    /**
     * Selects several leads in ONE transaction: each gets its decision and its outbox row, or, if
     * it is unknown or already selected, a reason in {@code skipped}. With an idempotency key a
     * repeated call decides nothing again and answers what the first call decided.
     */
    public Uni<BulkOutcome> selectLeads(List<String> leadIds, String reviewer, String comment, String idempotencyKey) {
        return bulk(leadIds, idempotencyKey, (session, row) -> {
            if ("selected".equals(row.status())) {
                return Uni.createFrom().item("already selected");
            }
            Decision decision = Decision.of(LEAD_SELECTED, row.leadId(), row.leadId(), reviewer, keyFor(idempotencyKey, row.leadId()));
            decision.comment = comment;
            return record(session, decision, Approval.leadSelected(decision.id.toString(), row.lead(), reviewer))
                    .chain(() -> leads.setStatus(session, row.leadId(), "selected")).replaceWith((String) null);
        });
    }

    /**
     * Rejects several leads in ONE transaction. Each rejection is kept with its comment and sends a
     * {@code rejected} engagement signal through the outbox, so feedback-stream learns whom reviewers
     * do not want.
     */
    public Uni<BulkOutcome> rejectLeads(List<String> leadIds, String reviewer, String comment, String idempotencyKey) {
        return bulk(leadIds, idempotencyKey, (session, row) -> {
            if ("rejected".equals(row.status())) {
                return Uni.createFrom().item("already rejected");
            }
            Decision decision = Decision.of(LEAD_REJECTED, row.leadId(), row.leadId(), reviewer, keyFor(idempotencyKey, row.leadId()));
            decision.comment = comment;
            Engagement signal = new Engagement(decision.id.toString(), row.leadId(), Engagement.REJECTED, "review", null,
                    row.lead().segment(), null, comment, decision.createdAt, Provenance.of("hitl-api", "0.1.0", "reviewer:" + reviewer));
            OutboxEvent event = OutboxEvent.of(decision.id, Topics.ENGAGEMENT, row.leadId(), Topics.ENGAGEMENT.eventType(), signal);
            return session.persist(decision).chain(() -> session.persist(event))
                    .chain(() -> leads.setStatus(session, row.leadId(), "rejected")).replaceWith((String) null);
        });
    }

    private interface LeadDecision {
        /** Decides for one lead; answers null when decided, or why it was skipped. */
        Uni<String> decide(Mutiny.Session session, LeadRepository.LeadRow row);
    }

    private Uni<BulkOutcome> bulk(List<String> leadIds, String idempotencyKey, LeadDecision decision) {
        List<String> distinct = leadIds.stream().distinct().toList();
        return sessions.withTransaction(session -> replayBulk(session, idempotencyKey, distinct).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(previous);
            }
            List<String> decided = new ArrayList<>();
            Map<String, String> skipped = new LinkedHashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String leadId : distinct) {
                chain = chain.chain(() -> leads.find(session, leadId).chain(row -> row == null
                        ? Uni.createFrom().item("no such lead") : decision.decide(session, row))
                        .invoke(reason -> {
                            if (reason == null) {
                                decided.add(leadId);
                            } else {
                                skipped.put(leadId, reason);
                            }
                        }).replaceWithVoid());
            }
            return chain.map(v -> new BulkOutcome(decided, skipped));
        }));
    }

    /** A bulk call's earlier answer: the leads its key decided; the rest were skipped then too. */
    private static Uni<BulkOutcome> replayBulk(Mutiny.Session session, String idempotencyKey, List<String> leadIds) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return session.createSelectionQuery("from Decision where idempotencyKey in (:keys)", Decision.class)
                .setParameter("keys", leadIds.stream().map(id -> keyFor(idempotencyKey, id)).toList())
                .getResultList().map(found -> {
                    if (found.isEmpty()) {
                        return null;
                    }
                    List<String> decided = found.stream().map(d -> d.leadId).toList();
                    Map<String, String> skipped = new LinkedHashMap<>();
                    leadIds.stream().filter(id -> !decided.contains(id)).forEach(id -> skipped.put(id, "skipped by the first call with this key"));
                    return new BulkOutcome(decided, skipped);
                });
    }

    private static String keyFor(String idempotencyKey, String leadId) {
        return idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey + ":" + leadId;
    }

    /**
     * Approves the draft as it stands. With {@code expectedVersion} (the reviewer's If-Match), a
     * draft changed since the reviewer read it is refused with 409 and its current version.
     */
    public Uni<Decision> approveDraft(String draftId, Integer expectedVersion, String reviewer, String idempotencyKey) {
        return once(idempotencyKey, session -> pendingDraft(session, draftId, expectedVersion).chain(row -> {
            row.draft().findings().stream().filter(f -> "block".equals(f.severity())).findFirst().ifPresent(f -> {
                throw new ClientErrorException("draft " + draftId + " is blocked: " + f.message(), 422);
            });
            Decision decision = Decision.of(DRAFT_APPROVED, row.draft().leadId(), draftId, reviewer, idempotencyKey);
            return decideDraft(session, row, "approved")
                    .chain(() -> record(session, decision, Approval.draftApproved(decision.id.toString(), row.draft(), reviewer)))
                    .replaceWith(decision);
        }));
    }

    /**
     * Saves a reviewer's edit as the draft's next version, in ONE transaction with its decision and
     * the outbox row that publishes the new version to the drafts topic. An edit made against an
     * older version is refused with 409 and the current version.
     */
    public Uni<Decision> editDraft(String draftId, DraftEdit edit, String reviewer, String idempotencyKey) {
        return once(idempotencyKey, session -> pendingDraft(session, draftId, edit.version()).chain(row -> {
            Draft edited = edit.applyTo(row.draft(), reviewer);
            List<DraftEdit.Change> changes = DraftEdit.changes(row.draft(), edited);
            Decision decision = Decision.of(DRAFT_EDITED, row.draft().leadId(), draftId, reviewer, idempotencyKey);
            OutboxEvent event = OutboxEvent.of(decision.id, Topics.DRAFTS, edited.leadId(), Topics.DRAFTS.eventType(), edited);
            return drafts.saveEdit(session, edited, row.draft().version(), reviewer, changes).chain(updated -> {
                if (updated == 0) {
                    throw new VersionConflict("draft " + draftId + " was changed by someone else", row.draft().version() + 1);
                }
                return session.persist(decision).chain(() -> session.persist(event)).replaceWith(decision);
            });
        }));
    }

    /**
     * Rejects the draft with the reviewer's comment. The rejection sends a {@code rejected}
     * engagement signal through the outbox, so the lead's segment learns from it.
     */
    public Uni<Decision> rejectDraft(String draftId, Integer expectedVersion, String comment, String reviewer,
                                     String idempotencyKey) {
        return once(idempotencyKey, session -> pendingDraft(session, draftId, expectedVersion).chain(row -> {
            Decision decision = Decision.of(DRAFT_REJECTED, row.draft().leadId(), draftId, reviewer, idempotencyKey);
            decision.comment = comment;
            Engagement signal = new Engagement(decision.id.toString(), row.draft().leadId(), Engagement.REJECTED, "review",
                    draftId, row.draft().segment(), "v" + row.draft().version(), comment, decision.createdAt,
                    Provenance.of("hitl-api", "0.1.0", "reviewer:" + reviewer));
            OutboxEvent event = OutboxEvent.of(decision.id, Topics.ENGAGEMENT, row.draft().leadId(), Topics.ENGAGEMENT.eventType(), signal);
            return decideDraft(session, row, "rejected")
                    .chain(() -> session.persist(decision)).chain(() -> session.persist(event)).replaceWith(decision);
        }));
    }

    private Uni<Void> decideDraft(Mutiny.Session session, DraftRepository.DraftRow row, String status) {
        return drafts.decide(session, row.draft().draftId(), row.draft().version(), status).invoke(updated -> {
            if (updated == 0) {
                throw new VersionConflict("draft " + row.draft().draftId() + " was decided or changed by someone else",
                        row.draft().version());
            }
        }).replaceWithVoid();
    }

    /** The draft, if it exists, is still pending, and (when a version is expected) still at that version. */
    private Uni<DraftRepository.DraftRow> pendingDraft(Mutiny.Session session, String draftId, Integer expectedVersion) {
        return drafts.find(session, draftId).map(row -> {
            if (row == null) {
                throw new NotFoundException("no draft " + draftId);
            }
            if (!"pending".equals(row.status())) {
                throw new VersionConflict("draft " + draftId + " is already " + row.status(), row.draft().version());
            }
            if (expectedVersion != null && expectedVersion != row.draft().version()) {
                throw new VersionConflict("draft " + draftId + " is at version " + row.draft().version()
                        + ", not " + expectedVersion + "; reload it and decide again", row.draft().version());
            }
            return row;
        });
    }

    /** 409 with the version the client should reload. */
    public static class VersionConflict extends ClientErrorException {
        public final int currentVersion;

        public VersionConflict(String message, int currentVersion) {
            super(message, Response.Status.CONFLICT);
            this.currentVersion = currentVersion;
        }
    }

    public Uni<DiscoveryRequest> submitDiscovery(DiscoveryRequest draft, String reviewer) {
        DiscoveryRequest request = new DiscoveryRequest(UUID.randomUUID().toString(), draft.sector(), draft.geography(),
                draft.keywords(), draft.seedUrls(), draft.sources(), draft.businessList(), draft.renderJavaScript(), draft.limits(),
                reviewer, Instant.now());
        Decision decision = Decision.of(DISCOVERY_REQUESTED, "-", request.requestId(), reviewer, null);
        OutboxEvent row = OutboxEvent.of(decision.id, Topics.DISCOVERY_REQUESTS, request.requestId(),
                Topics.DISCOVERY_REQUESTS.eventType(), request);
        return sessions.withTransaction(session -> session.createNativeQuery("""
                        insert into discovery_requests (request_id, request, requested_by)
                        values (:id, cast(cast(:request as text) as jsonb), :by)""")
                .setParameter("id", request.requestId()).setParameter("request", EventJson.toJson(request))
                .setParameter("by", reviewer).executeUpdate()
                .chain(() -> session.persist(decision))
                .chain(() -> session.persist(row))
                .replaceWith(request));
    }

    /** Runs {@code decide} in one transaction, unless an earlier call with this key already decided. */
    private Uni<Decision> once(String idempotencyKey, Function<Mutiny.Session, Uni<Decision>> decide) {
        return sessions.withTransaction(session -> replay(session, idempotencyKey)
                .chain(previous -> previous != null ? Uni.createFrom().item(previous) : decide.apply(session)));
    }

    /** The decision and the approval event it publishes, both in the caller's transaction. */
    private static Uni<Void> record(Mutiny.Session session, Decision decision, Approval approval) {
        OutboxEvent row = OutboxEvent.of(decision.id, Topics.APPROVED, approval.leadId(),
                Topics.APPROVED.eventType() + "." + approval.type(), approval);
        return session.persist(decision).chain(() -> session.persist(row));
    }

    /** The decision an earlier call with the same idempotency key made, or null. */
    private static Uni<Decision> replay(Mutiny.Session session, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return session.createSelectionQuery("from Decision where idempotencyKey = :key", Decision.class)
                .setParameter("key", idempotencyKey).getSingleResultOrNull();
    }
}
