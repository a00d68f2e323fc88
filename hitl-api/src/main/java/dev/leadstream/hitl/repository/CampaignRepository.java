package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.CampaignSummary;
import dev.leadstream.hitl.model.CampaignVersion;
import dev.leadstream.hitl.model.CampaignChange;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * Campaigns and their versions. The current version of a campaign moves forward only from the
 * version the writer read (optimistic concurrency); each version's body is the contract record
 * that was published for it.
 */
@ApplicationScoped
public class CampaignRepository {

    /** A version made by an earlier call, with the hash of the request that made it. */
    public record MadeBefore(Campaign campaign, String requestHash) {
    }

    /** Records a new campaign at its first version; answers false when the id is taken. */
    public Uni<Boolean> insert(Mutiny.Session session, Campaign first, UUID decisionId) {
        return session.createNativeQuery("""
                        insert into campaigns (campaign_id, current_version, status) values (:id, :version, :status)
                        on conflict (campaign_id) do nothing""")
                .setParameter("id", first.campaignId()).setParameter("version", first.version())
                .setParameter("status", first.status()).executeUpdate()
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : insertVersion(session, first, decisionId, List.of()).replaceWith(true));
    }

    /**
     * Makes {@code next} the campaign's current version, only if the current one is still
     * {@code expectedVersion}; answers false when someone else moved it first.
     */
    public Uni<Boolean> advance(Mutiny.Session session, Campaign next, int expectedVersion, UUID decisionId, List<CampaignChange> changes) {
        return session.createNativeQuery("""
                        update campaigns set current_version = :version, status = :status, updated_at = now()
                        where campaign_id = :id and current_version = :expected""")
                .setParameter("version", next.version()).setParameter("status", next.status())
                .setParameter("id", next.campaignId()).setParameter("expected", expectedVersion).executeUpdate()
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false)
                        : insertVersion(session, next, decisionId, changes).replaceWith(true));
    }

    private static Uni<Integer> insertVersion(Mutiny.Session session, Campaign campaign, UUID decisionId, List<CampaignChange> changes) {
        return session.createNativeQuery("""
                        insert into campaign_versions (campaign_id, version, body, edited_by, edited_at, changes, decision_id)
                        values (:id, :version, cast(cast(:body as text) as jsonb), :by, :at, cast(cast(:changes as text) as jsonb), :decision)""")
                .setParameter("id", campaign.campaignId()).setParameter("version", campaign.version())
                .setParameter("body", EventJson.toJson(campaign)).setParameter("by", campaign.updatedBy())
                .setParameter("at", campaign.updatedAt()).setParameter("changes", EventJson.toJson(changes))
                .setParameter("decision", decisionId).executeUpdate();
    }

    /** How {@link #current} holds the campaign's row until the caller's transaction ends. */
    public enum Lock {
        /** read only */
        NONE(""),
        /** kept current: a decision made with this version does not race an edit */
        SHARE(" for share of c"),
        /** held by a writer that is about to make the next version */
        UPDATE(" for update of c");

        private final String sql;

        Lock(String sql) {
            this.sql = sql;
        }
    }

    /**
     * The current version, or null. A lock is taken on the campaign's row by a statement of its
     * own: a statement that waited for another writer's lock reads the other tables as they were
     * when it began, so a join in the locking statement would miss the version that writer added.
     */
    public Uni<Campaign> current(Mutiny.Session session, String campaignId, Lock lock) {
        Uni<?> locked = lock == Lock.NONE ? Uni.createFrom().voidItem()
                : session.createNativeQuery("select c.current_version from campaigns c where c.campaign_id = :id" + lock.sql,
                        Integer.class).setParameter("id", campaignId).getResultList();
        return locked.chain(() -> session.createNativeQuery("""
                        select cast(v.body as text) from campaigns c
                        join campaign_versions v on v.campaign_id = c.campaign_id and v.version = c.current_version
                        where c.campaign_id = :id""", String.class)
                .setParameter("id", campaignId).getResultList()
                .map(rows -> rows.isEmpty() ? null : EventJson.read(rows.get(0), Campaign.class)));
    }

    /** One version as it was published, or null. */
    public Uni<Campaign> version(Mutiny.Session session, String campaignId, int version) {
        return session.createNativeQuery("""
                        select cast(body as text) from campaign_versions where campaign_id = :id and version = :version""",
                        String.class)
                .setParameter("id", campaignId).setParameter("version", version).getResultList()
                .map(rows -> rows.isEmpty() ? null : EventJson.read(rows.get(0), Campaign.class));
    }

    /** Newest change first; {@code status} null lists every campaign. */
    public Uni<List<CampaignSummary>> list(Mutiny.Session session, String status, int limit) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery("""
                        select c.campaign_id, c.current_version, c.status, v.body->>'name', v.body->'offering'->>'product',
                               cast(v.body->'channels' as text), cast(v.body->'languages' as text), v.edited_by, cast(v.edited_at as text)
                        from campaigns c
                        join campaign_versions v on v.campaign_id = c.campaign_id and v.version = c.current_version"""
                        + (status == null ? "" : " where c.status = :status")
                        + " order by c.updated_at desc, c.campaign_id limit :limit", Object[].class)
                .setParameter("limit", limit);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList()
                .map(rows -> rows.stream().map(r -> new CampaignSummary((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                        (String) r[3], (String) r[4], strings((String) r[5]), strings((String) r[6]), (String) r[7],
                        (String) r[8])).toList());
    }

    /** Every version, oldest first; empty for an unknown campaign. */
    public Uni<List<CampaignVersion>> history(Mutiny.Session session, String campaignId) {
        return session.createNativeQuery("""
                        select version, body->>'status', edited_by, cast(edited_at as text), cast(changes as text)
                        from campaign_versions where campaign_id = :id order by version""", Object[].class)
                .setParameter("id", campaignId).getResultList()
                .map(rows -> rows.stream().map(r -> new CampaignVersion(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                        (String) r[3], List.of(EventJson.read((String) r[4], CampaignChange[].class)))).toList());
    }

    /** The version an earlier call with this (scoped) idempotency key made, or null. */
    public Uni<MadeBefore> madeWithKey(Mutiny.Session session, String scopedKey) {
        return session.createNativeQuery("""
                        select cast(v.body as text), d.request_hash from decisions d
                        join campaign_versions v on v.decision_id = d.id where d.idempotency_key = :key""", Object[].class)
                .setParameter("key", scopedKey).getResultList()
                .map(rows -> rows.isEmpty() ? null
                        : new MadeBefore(EventJson.read((String) rows.get(0)[0], Campaign.class), (String) rows.get(0)[1]));
    }

    private static List<String> strings(String jsonArray) {
        return jsonArray == null ? List.of() : List.of(EventJson.read(jsonArray, String[].class));
    }
}
