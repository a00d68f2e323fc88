package dev.leadstream.hitl.service;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import dev.leadstream.hitl.repository.CampaignRepository;
import dev.leadstream.hitl.repository.DecisionRepository;
import dev.leadstream.hitl.repository.CampaignRepository.CampaignSummary;
import dev.leadstream.hitl.repository.CampaignRepository.CampaignVersion;
import dev.leadstream.hitl.repository.CampaignRepository.Change;
import dev.leadstream.hitl.repository.CampaignRepository.Lock;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Campaign;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Campaigns are versioned: creating one, editing it, pausing, activating or archiving it each
 * makes its next version, written in ONE transaction with the decision that made it (the audit
 * trail, the idempotency key) and the outbox row that publishes it to the compacted
 * {@code campaigns} topic, keyed by campaign id. An edit names the version it was made against;
 * a campaign changed meanwhile is refused with 409 and its current version.
 */
@ApplicationScoped
public class CampaignService {

    public static final String CREATED = "campaign.created";
    public static final String EDITED = "campaign.edited";
    public static final String PAUSED = "campaign.paused";
    public static final String ACTIVATED = "campaign.activated";
    public static final String ARCHIVED = "campaign.archived";
    /** 409: the campaign's status does not allow what was asked; {@code currentState} names it. */
    public static final String STATE_PROBLEM = "urn:leadstream:problem:campaign-state";
    public static final List<String> STATUSES = List.of(Campaign.ACTIVE, Campaign.PAUSED, Campaign.ARCHIVED);
    /** A campaign decision concerns no lead; the audit trail shows none. */
    private static final String NO_LEAD = "-";

    private final Mutiny.SessionFactory sessions;
    private final CampaignRepository campaigns;
    private final DecisionRepository decisions;

    public CampaignService(Mutiny.SessionFactory sessions, CampaignRepository campaigns, DecisionRepository decisions) {
        this.sessions = sessions;
        this.campaigns = campaigns;
        this.decisions = decisions;
    }

    /** A new campaign, active, at version 1; 409 when the id is taken. */
    public Uni<Campaign> create(CampaignEdit edit, String reviewer, String idempotencyKey) {
        CampaignRules.check(edit, null);
        Campaign first = edit.toCampaign(edit.campaignId(), 1, Campaign.ACTIVE, reviewer, Instant.now());
        CampaignRules.checkSize(first);
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, CREATED, first.campaignId(), EventJson.toJson(edit));
        return once(key, session -> publish(session, CREATED, null, first, key));
    }

    /** The campaign's next version as edited, in the status it is in; an archived campaign is not edited. */
    public Uni<Campaign> edit(String campaignId, Integer expectedVersion, CampaignEdit edit, String reviewer,
                              String idempotencyKey) {
        requireVersion(expectedVersion);
        CampaignRules.check(edit, campaignId);
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, EDITED, campaignId, expectedVersion + "\n" + EventJson.toJson(edit));
        return once(key, session -> writable(session, campaignId, expectedVersion).chain(current -> {
            Campaign next = edit.toCampaign(campaignId, current.version() + 1, current.status(), reviewer, Instant.now());
            CampaignRules.checkSize(next);
            return publish(session, EDITED, current, next, key);
        }));
    }

    public Uni<Campaign> pause(String campaignId, Integer expectedVersion, String reviewer, String idempotencyKey) {
        return changeStatus(campaignId, Campaign.PAUSED, PAUSED, expectedVersion, reviewer, idempotencyKey);
    }

    public Uni<Campaign> activate(String campaignId, Integer expectedVersion, String reviewer, String idempotencyKey) {
        return changeStatus(campaignId, Campaign.ACTIVE, ACTIVATED, expectedVersion, reviewer, idempotencyKey);
    }

    /** Archived is final: the campaign is kept as it was, and no lead is selected into it again. */
    public Uni<Campaign> archive(String campaignId, Integer expectedVersion, String reviewer, String idempotencyKey) {
        return changeStatus(campaignId, Campaign.ARCHIVED, ARCHIVED, expectedVersion, reviewer, idempotencyKey);
    }

    public Uni<Campaign> current(String campaignId) {
        return sessions.withSession(session -> campaigns.current(session, campaignId, Lock.NONE)).map(campaign -> found(campaign, campaignId));
    }

    /** Newest change first; {@code status} (active, paused or archived) or null for all. */
    public Uni<List<CampaignSummary>> list(String status, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.badRequest("status must be one of " + String.join(", ", STATUSES));
        }
        return sessions.withSession(session -> campaigns.list(session, status, limit));
    }

    /** Every version, oldest first, each with what it changed. */
    public Uni<List<CampaignVersion>> history(String campaignId) {
        return sessions.withSession(session -> campaigns.history(session, campaignId)).map(versions -> {
            if (versions.isEmpty()) {
                throw notFound(campaignId);
            }
            return versions;
        });
    }

    public Uni<Campaign> version(String campaignId, int version) {
        return sessions.withSession(session -> version(session, campaignId, version));
    }

    /** A version exactly as it was published: what a draft made with it was written from. */
    public Uni<Campaign> version(Mutiny.Session session, String campaignId, int version) {
        return campaigns.version(session, campaignId, version).map(campaign -> {
            if (campaign == null) {
                throw new ApiProblem(404, "campaign " + campaignId + " has no version " + version);
            }
            return campaign;
        });
    }

    /**
     * The campaign a lead is being selected into, in the caller's transaction: its current
     * version, which stays current until that transaction ends. 404 for an unknown campaign, 409
     * ({@link #STATE_PROBLEM}) for a paused or archived one.
     */
    public Uni<Campaign> forSelection(Mutiny.Session session, String campaignId) {
        return campaigns.current(session, campaignId, Lock.SHARE).map(campaign -> {
            found(campaign, campaignId);
            if (Campaign.PAUSED.equals(campaign.status())) {
                throw stateProblem("campaign " + campaignId + " is paused; activate it before selecting leads into it", campaign);
            }
            if (Campaign.ARCHIVED.equals(campaign.status())) {
                throw stateProblem("campaign " + campaignId + " is archived; leads can no longer be selected into it", campaign);
            }
            return campaign;
        });
    }

    private Uni<Campaign> changeStatus(String campaignId, String status, String kind, Integer expectedVersion, String reviewer,
                                       String idempotencyKey) {
        Idempotency key = Idempotency.of(idempotencyKey, reviewer, kind, campaignId, String.valueOf(expectedVersion));
        return once(key, session -> writable(session, campaignId, expectedVersion).chain(current -> {
            if (current.status().equals(status)) {
                throw stateProblem("campaign " + campaignId + " is already " + status, current);
            }
            return publish(session, kind, current, CampaignEdit.withStatus(current, status, reviewer, Instant.now()), key);
        }));
    }

    /** The current version, locked for the next one: known, not archived, and the version the writer read. */
    private Uni<Campaign> writable(Mutiny.Session session, String campaignId, Integer expectedVersion) {
        return campaigns.current(session, campaignId, Lock.UPDATE).map(current -> {
            found(current, campaignId);
            if (Campaign.ARCHIVED.equals(current.status())) {
                throw stateProblem("campaign " + campaignId + " is archived; it is kept as it was", current);
            }
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw conflict("campaign " + campaignId + " is at version " + current.version() + ", not " + expectedVersion
                        + "; reload it and make your change again", current);
            }
            return current;
        });
    }

    /** The version, its decision and its outbox row, all in the caller's transaction. */
    private Uni<Campaign> publish(Mutiny.Session session, String kind, Campaign before, Campaign next, Idempotency key) {
        List<Change> changes = before == null ? List.of() : CampaignChanges.between(before, next);
        Decision decision = Decision.of(kind, NO_LEAD, next.campaignId(), next.updatedBy(), key.scopedKey());
        decision.requestHash = key.requestHash();
        decision.comment = CampaignChanges.summary(next.version(), changes);
        OutboxEvent event = OutboxEvent.of(decision.id, Topics.CAMPAIGNS, next.campaignId(), Topics.CAMPAIGNS.eventType(), next);
        // the decision first: the version refers to it
        return decisions.record(session, decision).chain(session::flush)
                .chain(() -> before == null ? campaigns.insert(session, next, decision.id)
                        : campaigns.advance(session, next, before.version(), decision.id, changes))
                .chain(saved -> saved ? decisions.publish(session, event).replaceWith(next) : refuseTaken(session, next));
    }

    /** Another writer got there first: the id was taken, or the version moved on. */
    private Uni<Campaign> refuseTaken(Mutiny.Session session, Campaign next) {
        return campaigns.current(session, next.campaignId(), Lock.NONE).map(current -> {
            throw next.version() == 1
                    ? conflict("campaign " + next.campaignId() + " already exists; edit it instead", current)
                    : conflict("campaign " + next.campaignId() + " was changed by someone else; reload it", current);
        });
    }

    /** Runs {@code write} in one transaction, unless an earlier call with this key already made its version. */
    private Uni<Campaign> once(Idempotency key, Function<Mutiny.Session, Uni<Campaign>> write) {
        return sessions.withTransaction(session -> (key.given() ? campaigns.madeWithKey(session, key.scopedKey())
                : Uni.createFrom().<CampaignRepository.MadeBefore>nullItem()).chain(previous -> {
                    if (previous == null) {
                        return write.apply(session);
                    }
                    key.checkSameRequest(previous.requestHash());
                    return Uni.createFrom().item(previous.campaign());
                }));
    }

    private static void requireVersion(Integer expectedVersion) {
        if (expectedVersion == null) {
            throw new ApiProblem(428, "an edit names the version it was made against: send If-Match with the campaign's"
                    + " version, or version in the body");
        }
    }

    private static Campaign found(Campaign campaign, String campaignId) {
        if (campaign == null) {
            throw notFound(campaignId);
        }
        return campaign;
    }

    private static ApiProblem notFound(String campaignId) {
        return new ApiProblem(404, "no campaign " + campaignId);
    }

    private static ApiProblem stateProblem(String detail, Campaign current) {
        return new ApiProblem(STATE_PROBLEM, 409, detail, state(current));
    }

    private static ApiProblem conflict(String detail, Campaign current) {
        return new ApiProblem(ProblemType.VERSION_CONFLICT, 409, detail, state(current));
    }

    private static Map<String, Object> state(Campaign current) {
        Map<String, Object> members = new LinkedHashMap<>();
        if (current != null) {
            members.put("currentVersion", current.version());
            members.put("currentState", current.status());
        }
        return members;
    }
}
