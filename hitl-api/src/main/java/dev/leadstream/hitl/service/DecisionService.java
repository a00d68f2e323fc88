package dev.leadstream.hitl.service;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import dev.leadstream.hitl.model.DraftChange;
import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.hitl.repository.DecisionRepository;
import dev.leadstream.hitl.repository.DiscoveryRepository;
import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
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
    public static final String LEAD_REOPENED = "lead.reopened";

    /** Kafka carries records of up to 1 MiB; the relay's envelope and headers need room too. */
    public static final int MAX_RECORD_BYTES = 768 * 1024;
    static final int BULK_AT_ONCE = 4;
    static final String LOCK_WAIT = "5s";

    /** What a bulk decision did to each lead it named. */
    public record BulkOutcome(List<String> decided, Map<String, String> skipped) {
    }

    private final Mutiny.SessionFactory sessions;
    private final LeadRepository leads;
    private final DraftRepository drafts;
    private final DiscoveryRepository discoveries;
    private final DecisionRepository decisions;
    private final Semaphore bulkPermits = new Semaphore(BULK_AT_ONCE);

    public DecisionService(Mutiny.SessionFactory sessions, LeadRepository leads, DraftRepository drafts,
                           DiscoveryRepository discoveries, DecisionRepository decisions) {
        this.sessions = sessions;
        this.leads = leads;
        this.drafts = drafts;
        this.discoveries = discoveries;
        this.decisions = decisions;
    }

    public Uni<Decision> selectLead(String leadId, String reviewer, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, LEAD_SELECTED, leadId, "");
        return once(key, session -> leads.lockAll(session, List.of(leadId)).chain(found -> {
            LeadRow row = found.get(leadId);
            if (row == null) {
                throw ApiProblem.notFound("no lead " + leadId);
            }
            refuseDecided(row);
            return leads.contacted(session, List.of(leadId)).chain(contacted -> {
                if (!contacted.isEmpty()) {
                    throw alreadyContacted(leadId);
                }
                Decision decision = decision(LEAD_SELECTED, leadId, leadId, reviewer, key);
                OutboxEvent event = approval(decision, Approval.leadSelected(decision.id.toString(), row.lead(), reviewer));
                return decisions.record(session, decision, event)
                        .chain(() -> leads.setStatus(session, leadId, "selected"))
                        .replaceWith(decision);
            });
        }));
    }

    /**
     * Puts a decided lead back to {@code new}, so it can be decided again; an admin's explicit,
     * audited act. A lead already contacted stays unselectable all the same.
     */
    public Uni<Decision> reopenLead(String leadId, String comment, String admin, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, admin, LEAD_REOPENED, leadId, comment);
        return once(key, session -> leads.lockAll(session, List.of(leadId)).chain(found -> {
            LeadRow row = found.get(leadId);
            if (row == null) {
                throw ApiProblem.notFound("no lead " + leadId);
            }
            if ("new".equals(row.status())) {
                throw ApiProblem.alreadyDecided("lead " + leadId + " is not decided, so there is nothing to reopen", row.status());
            }
            Decision decision = decision(LEAD_REOPENED, leadId, leadId, admin, key);
            decision.comment = comment;
            return decisions.record(session, decision).chain(() -> leads.setStatus(session, leadId, "new")).replaceWith(decision);
        }));
    }

    private static void refuseDecided(LeadRow row) {
        if (!"new".equals(row.status())) {
            throw ApiProblem.alreadyDecided("lead " + row.leadId() + " is already " + row.status()
                    + "; an admin can reopen it to decide again", row.status());
        }
    }

    private static ApiProblem alreadyContacted(String leadId) {
        return new ApiProblem(ProblemType.ALREADY_CONTACTED, 409, "lead " + leadId
                + " was already contacted (a draft approved or an email sent); it gets no second first touch",
                Map.of("currentState", "contacted"));
    }

    /**
     * Selects several leads in ONE transaction: each new lead gets its decision and its outbox row;
     * an unknown, already decided or already contacted one gets a reason in {@code skipped}. With an
     * idempotency key a repeated call decides nothing again and answers what the first call decided.
     */
    public Uni<BulkOutcome> selectLeads(List<String> leadIds, String reviewer, String comment, String idempotencyKey) {
        return bulk(LEAD_SELECTED, "selected", leadIds, reviewer, comment, idempotencyKey, (row, decision) ->
                approval(decision, Approval.leadSelected(decision.id.toString(), row.lead(), reviewer)));
    }

    /**
     * Rejects several leads in ONE transaction. Each rejection is kept with its comment and sends a
     * {@code rejected} engagement signal through the outbox, so feedback-stream learns whom reviewers
     * do not want.
     */
    public Uni<BulkOutcome> rejectLeads(List<String> leadIds, String reviewer, String comment, String idempotencyKey) {
        return bulk(LEAD_REJECTED, "rejected", leadIds, reviewer, comment, idempotencyKey, (row, decision) -> {
            Engagement signal = new Engagement(decision.id.toString(), row.leadId(), Engagement.REJECTED, "review", null,
                    row.lead().segment(), null, comment, decision.createdAt, Provenance.of("hitl-api", "0.1.0", "reviewer:" + reviewer));
            return outbox(decision.id, Topics.ENGAGEMENT, row.leadId(), Topics.ENGAGEMENT.eventType(), signal);
        });
    }

    /** The event one lead's decision publishes. */
    private interface LeadDecision {
        OutboxEvent publish(LeadRow row, Decision decision);
    }

    /**
     * Bounded work per call: the leads are read and locked in one query, decided in memory, and
     * written in one flush and one status update. At most {@link #BULK_AT_ONCE} bulk calls run at
     * once, so they cannot take every database connection; one waiting over
     * {@link #LOCK_WAIT} for another's locks gives up with 503 instead of holding its connection.
     */
    private Uni<BulkOutcome> bulk(String kind, String status, List<String> leadIds, String reviewer, String comment,
                                  String idempotencyKey, LeadDecision decide) {
        List<String> distinct = leadIds.stream().distinct().toList();
        String request = String.join("\n", distinct.stream().sorted().toList()) + "\n" + comment;
        return Uni.createFrom().deferred(() -> {
            if (!bulkPermits.tryAcquire()) {
                throw ApiProblem.busy("too many bulk decisions are running; try again in a moment");
            }
            return sessions.withTransaction(session -> leads.limitLockWait(session, LOCK_WAIT)
                    .chain(() -> replayBulk(session, idempotencyKey, reviewer, kind, distinct, request))
                    .chain(previous -> previous != null ? Uni.createFrom().item(previous)
                            : decideBulk(session, kind, status, distinct, reviewer, comment, idempotencyKey, request, decide)))
                    .onTermination().invoke(bulkPermits::release);
        });
    }

    private Uni<BulkOutcome> decideBulk(Mutiny.Session session, String kind, String status, List<String> leadIds, String reviewer,
                                        String comment, String idempotencyKey, String request, LeadDecision decide) {
        Uni<Set<String>> contacted = LEAD_SELECTED.equals(kind) ? leads.contacted(session, leadIds) : Uni.createFrom().item(Set.of());
        return leads.lockAll(session, leadIds).chain(rows -> contacted.chain(contactedIds -> {
            List<String> decided = new ArrayList<>();
            Map<String, String> skipped = new LinkedHashMap<>();
            List<Decision> made = new ArrayList<>();
            List<OutboxEvent> events = new ArrayList<>();
            for (String leadId : leadIds) {
                LeadRow row = rows.get(leadId);
                if (row == null) {
                    skipped.put(leadId, "no such lead");
                } else if (!"new".equals(row.status())) {
                    skipped.put(leadId, "already " + row.status());
                } else if (contactedIds.contains(leadId)) {
                    skipped.put(leadId, "already contacted");
                } else {
                    Decision decision = decision(kind, leadId, leadId, reviewer,
                            Idempotency.of(idempotencyKey, reviewer, kind, leadId, request));
                    decision.idempotencyScope = Idempotency.bulkScope(idempotencyKey, reviewer, kind);
                    decision.comment = comment;
                    made.add(decision);
                    events.add(decide.publish(row, decision));
                    decided.add(leadId);
                }
            }
            return decisions.recordAll(session, made, events)
                    .chain(() -> leads.setStatuses(session, decided, status))
                    .map(n -> new BulkOutcome(decided, skipped));
        }));
    }

    /**
     * A bulk call's earlier answer: the leads its key decided; the rest were skipped then too. The
     * key covers the whole call, so the same key with other leads or another comment is refused.
     */
    private Uni<BulkOutcome> replayBulk(Mutiny.Session session, String idempotencyKey, String reviewer, String kind,
                                        List<String> leadIds, String request) {
        String scope = Idempotency.bulkScope(idempotencyKey, reviewer, kind);
        if (scope == null) {
            return Uni.createFrom().nullItem();
        }
        Idempotency asked = Idempotency.of(idempotencyKey, reviewer, kind, "bulk", request);
        return decisions.findByScope(session, scope).map(found -> {
            if (found.isEmpty()) {
                return null;
            }
            found.forEach(d -> asked.checkSameRequest(d.requestHash));
            List<String> decided = found.stream().map(d -> d.leadId).toList();
            Map<String, String> skipped = new LinkedHashMap<>();
            leadIds.stream().filter(id -> !decided.contains(id)).forEach(id -> skipped.put(id, "skipped by the first call with this key"));
            return new BulkOutcome(decided, skipped);
        });
    }

    /**
     * Approves the draft as it stands, its HTML made safe for email first. With
     * {@code expectedVersion} (the reviewer's If-Match), a draft changed since the reviewer read it
     * is refused with 409 and its current version. A lead already contacted gets no second draft.
     */
    public Uni<Decision> approveDraft(String draftId, Integer expectedVersion, String reviewer, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, DRAFT_APPROVED, draftId, String.valueOf(expectedVersion));
        return once(key, session -> pendingDraft(session, draftId, expectedVersion).chain(row -> {
            row.draft().findings().stream().filter(f -> "block".equals(f.severity())).findFirst().ifPresent(f -> {
                throw new ApiProblem(422, "draft " + draftId + " is blocked: " + f.message());
            });
            Draft safe = EmailHtml.sanitised(row.draft());
            Decision decision = decision(DRAFT_APPROVED, row.draft().leadId(), draftId, reviewer, key);
            return leads.contacted(session, List.of(row.draft().leadId())).chain(contacted -> {
                if (!contacted.isEmpty()) {
                    throw alreadyContacted(row.draft().leadId());
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
     * email, with a finding when something was removed. An edit made against an older version is
     * refused with 409 and the current version.
     */
    public Uni<Decision> editDraft(String draftId, DraftEdit edit, String reviewer, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, DRAFT_EDITED, draftId, EventJson.toJson(edit));
        return once(key, session -> pendingDraft(session, draftId, edit.version()).chain(row -> {
            Draft edited = EmailHtml.sanitised(edit.applyTo(row.draft(), reviewer));
            List<DraftChange> changes = DraftEdit.changes(row.draft(), edited);
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
        return once(key, session -> pendingDraft(session, draftId, expectedVersion).chain(row -> {
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

    public Uni<DiscoveryRequest> submitDiscovery(DiscoveryRequest draft, String reviewer) {
        DiscoveryRequest request = new DiscoveryRequest(UUID.randomUUID().toString(), draft.sector(), draft.geography(),
                draft.keywords(), draft.seedUrls(), draft.sources(), draft.businessList(), draft.renderJavaScript(), draft.limits(),
                reviewer, Instant.now());
        Decision decision = decision(DISCOVERY_REQUESTED, "-", request.requestId(), reviewer, Idempotency.NONE);
        OutboxEvent row = outbox(decision.id, Topics.DISCOVERY_REQUESTS, request.requestId(),
                Topics.DISCOVERY_REQUESTS.eventType(), request);
        return sessions.withTransaction(session -> discoveries.insertRequest(session, request.requestId(), row.payload, reviewer)
                .chain(() -> decisions.record(session, decision, row))
                .replaceWith(request));
    }

    /**
     * The outbox row for an event, refused with 413 when its value would not fit in a Kafka record
     * with room to spare for the key, headers and the relay's envelope.
     */
    static OutboxEvent outbox(UUID id, Topic<?> topic, String key, String type, Object event) {
        OutboxEvent row = OutboxEvent.of(id, topic, key, type, event);
        int bytes = row.payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_RECORD_BYTES) {
            throw ApiProblem.tooLarge("the event this would publish to " + topic.name() + " is " + bytes
                    + " bytes; a record may be at most " + MAX_RECORD_BYTES, MAX_RECORD_BYTES);
        }
        return row;
    }

    private static Decision decision(String kind, String leadId, String subjectId, String reviewer, Idempotency key) {
        Decision decision = Decision.of(kind, leadId, subjectId, reviewer, key.scopedKey());
        decision.requestHash = key.requestHash();
        return decision;
    }

    /** Runs {@code decide} in one transaction, unless an earlier call with this key already decided. */
    private Uni<Decision> once(Idempotency key, Function<Mutiny.Session, Uni<Decision>> decide) {
        return sessions.withTransaction(session -> replay(session, key)
                .chain(previous -> previous != null ? Uni.createFrom().item(previous) : decide.apply(session)));
    }

    /** The outbox row that publishes a decision's approval to the approved topic. */
    private static OutboxEvent approval(Decision decision, Approval approval) {
        return outbox(decision.id, Topics.APPROVED, approval.leadId(), Topics.APPROVED.eventType() + "." + approval.type(), approval);
    }

    /** The decision an earlier call with the same key, reviewer, action and target made, or null. */
    private Uni<Decision> replay(Mutiny.Session session, Idempotency key) {
        if (!key.given()) {
            return Uni.createFrom().nullItem();
        }
        return decisions.findByKey(session, key.scopedKey()).invoke(previous -> {
                    if (previous != null) {
                        key.checkSameRequest(previous.requestHash);
                    }
                });
    }
}
