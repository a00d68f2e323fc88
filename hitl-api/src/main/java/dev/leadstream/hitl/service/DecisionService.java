package dev.leadstream.hitl.service;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.hitl.repository.DecisionRepository;
import dev.leadstream.hitl.repository.DiscoveryRepository;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import static dev.leadstream.hitl.service.DecisionTransaction.approval;
import static dev.leadstream.hitl.service.DecisionTransaction.decision;
import static dev.leadstream.hitl.service.DecisionTransaction.outbox;

/**
 * The decisions about leads (select into a campaign, reject, reopen) and discovery requests, each
 * written with its outbox row in ONE transaction (see {@link DecisionTransaction}). Decisions
 * about drafts are {@link DraftDecisions}'.
 */
@ApplicationScoped
public class DecisionService {

    public static final String LEAD_SELECTED = Approval.LEAD_SELECTED;
    public static final String DISCOVERY_REQUESTED = "discovery.requested";
    public static final String LEAD_REJECTED = "lead.rejected";
    public static final String LEAD_REOPENED = "lead.reopened";

    static final int BULK_AT_ONCE = 4;
    static final String LOCK_WAIT = "5s";

    /** What a bulk decision did to each lead it named. */
    public record BulkOutcome(List<String> decided, Map<String, String> skipped) {
    }

    private final Mutiny.SessionFactory sessions;
    private final DecisionTransaction transaction;
    private final LeadRepository leads;
    private final DiscoveryRepository discoveries;
    private final DecisionRepository decisions;
    private final SelectionCampaign campaigns;
    private final Semaphore bulkPermits = new Semaphore(BULK_AT_ONCE);

    public DecisionService(Mutiny.SessionFactory sessions, DecisionTransaction transaction, LeadRepository leads,
                           DiscoveryRepository discoveries, DecisionRepository decisions, SelectionCampaign campaigns) {
        this.sessions = sessions;
        this.transaction = transaction;
        this.leads = leads;
        this.discoveries = discoveries;
        this.decisions = decisions;
        this.campaigns = campaigns;
    }

    /**
     * Selects the lead into a campaign: {@code campaignId}, or the only active campaign when it is
     * null. The lead.selected event carries the lead, its enrichment signals and the campaign's
     * current version, which the decision records too.
     */
    public Uni<Decision> selectLead(String leadId, String campaignId, String reviewer, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, LEAD_SELECTED, leadId, campaignId == null ? "" : campaignId);
        return transaction.once(key, session -> leads.lockAll(session, List.of(leadId)).chain(found -> {
            LeadRow row = found.get(leadId);
            if (row == null) {
                throw ApiProblem.notFound("no lead " + leadId);
            }
            refuseDecided(row);
            return campaigns.resolve(session, campaignId).chain(campaign -> {
                if (SelectionCampaign.offTarget(campaign, row.lead()) != null) {
                    throw SelectionCampaign.notTargeted(campaign, row.lead());
                }
                return leads.contacted(session, List.of(leadId)).chain(contacted -> {
                    if (!contacted.isEmpty()) {
                        throw alreadyContacted(leadId);
                    }
                    Decision decision = decision(LEAD_SELECTED, leadId, leadId, reviewer, key);
                    OutboxEvent event = selection(row, campaign, decision);
                    return decisions.record(session, decision, event)
                            .chain(() -> leads.setStatus(session, leadId, "selected"))
                            .replaceWith(decision);
                });
            });
        }));
    }

    /** Records the campaign version on the decision and names the lead.selected event it publishes. */
    private static OutboxEvent selection(LeadRow row, Campaign campaign, Decision decision) {
        decision.campaignId = campaign.campaignId();
        decision.campaignVersion = campaign.version();
        return approval(decision, Approval.leadSelected(decision.id.toString(), row.lead(), row.signals(), campaign, decision.reviewer));
    }

    /**
     * Puts a decided lead back to {@code new}, so it can be decided again; an admin's explicit,
     * audited act. A lead already contacted stays unselectable all the same.
     */
    public Uni<Decision> reopenLead(String leadId, String comment, String admin, String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, admin, LEAD_REOPENED, leadId, comment);
        return transaction.once(key, session -> leads.lockAll(session, List.of(leadId)).chain(found -> {
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

    static ApiProblem alreadyContacted(String leadId) {
        return new ApiProblem(ProblemType.ALREADY_CONTACTED, 409, "lead " + leadId
                + " was already contacted (a draft approved or an email sent); it gets no second first touch",
                Map.of("currentState", "contacted"));
    }

    /**
     * Selects several leads into one campaign in ONE transaction: each new lead the campaign
     * targets gets its decision and its outbox row; an unknown, already decided, already contacted
     * or untargeted one gets a reason in {@code skipped}. A campaign that takes no selections
     * refuses the whole call. With an idempotency key a repeated call decides nothing again and
     * answers what the first call decided.
     */
    public Uni<BulkOutcome> selectLeads(List<String> leadIds, String campaignId, String reviewer, String comment,
                                        String idempotencyKey) {
        String request = comment + (campaignId == null ? "" : "\n" + campaignId);
        return bulk(LEAD_SELECTED, "selected", leadIds, reviewer, comment, request, idempotencyKey,
                session -> campaigns.resolve(session, campaignId).map(campaign -> new LeadDecision() {
                    @Override
                    public String refusal(LeadRow row) {
                        return SelectionCampaign.offTarget(campaign, row.lead());
                    }

                    @Override
                    public OutboxEvent publish(LeadRow row, Decision decision) {
                        return selection(row, campaign, decision);
                    }
                }));
    }

    /**
     * Rejects several leads in ONE transaction. Each rejection is kept with its comment and sends a
     * {@code rejected} engagement signal through the outbox, so feedback-stream learns whom reviewers
     * do not want.
     */
    public Uni<BulkOutcome> rejectLeads(List<String> leadIds, String reviewer, String comment, String idempotencyKey) {
        LeadDecision reject = (row, decision) -> {
            Engagement signal = new Engagement(decision.id.toString(), row.leadId(), Engagement.REJECTED, "review", null,
                    row.lead().segment(), null, comment, decision.createdAt, Provenance.of("hitl-api", "0.1.0", "reviewer:" + reviewer));
            return outbox(decision.id, Topics.ENGAGEMENT, row.leadId(), Topics.ENGAGEMENT.eventType(), signal);
        };
        return bulk(LEAD_REJECTED, "rejected", leadIds, reviewer, comment, comment, idempotencyKey,
                session -> Uni.createFrom().item(reject));
    }

    /** What one lead's decision in a bulk call publishes, and why a lead is skipped beyond the common reasons. */
    private interface LeadDecision {
        OutboxEvent publish(LeadRow row, Decision decision);

        default String refusal(LeadRow row) {
            return null;
        }
    }

    /**
     * Bounded work per call: the leads are read and locked in one query, decided in memory, and
     * written in one flush and one status update. At most {@link #BULK_AT_ONCE} bulk calls run at
     * once, so they cannot take every database connection; one waiting over
     * {@link #LOCK_WAIT} for another's locks gives up with 503 instead of holding its connection.
     * {@code asked} is what the request asked besides its leads, for its idempotency key.
     */
    private Uni<BulkOutcome> bulk(String kind, String status, List<String> leadIds, String reviewer, String comment, String asked,
                                  String idempotencyKey, Function<Mutiny.Session, Uni<LeadDecision>> decider) {
        List<String> distinct = leadIds.stream().distinct().toList();
        String request = String.join("\n", distinct.stream().sorted().toList()) + "\n" + asked;
        return Uni.createFrom().deferred(() -> {
            if (!bulkPermits.tryAcquire()) {
                throw ApiProblem.busy("too many bulk decisions are running; try again in a moment");
            }
            return sessions.withTransaction(session -> leads.limitLockWait(session, LOCK_WAIT)
                    .chain(() -> replayBulk(session, idempotencyKey, reviewer, kind, distinct, request))
                    .chain(previous -> previous != null ? Uni.createFrom().item(previous)
                            : decider.apply(session).chain(decide ->
                                    decideBulk(session, kind, status, distinct, reviewer, comment, idempotencyKey, request, decide))))
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
                String refusal = row == null ? null : decide.refusal(row);
                if (row == null) {
                    skipped.put(leadId, "no such lead");
                } else if (!"new".equals(row.status())) {
                    skipped.put(leadId, "already " + row.status());
                } else if (contactedIds.contains(leadId)) {
                    skipped.put(leadId, "already contacted");
                } else if (refusal != null) {
                    skipped.put(leadId, refusal);
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
}
