package dev.leadstream.hitl.repository;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** The lead table: upserts from the topics, keyset pages for reviewers. */
@ApplicationScoped
public class LeadRepository {

    public record LeadRow(String leadId, String status, int version, ScoredLead lead, List<EnrichedLead.Signal> signals) {
    }

    private static final String COLUMNS = "lead_id, status, version, cast(lead as text), cast(signals as text)";

    /** A newer scoring of a lead replaces the old one; the reviewer's status is kept. */
    public Uni<Integer> upsertScored(Mutiny.Session session, ScoredLead lead) {
        return session.createNativeQuery("""
                        insert into leads (lead_id, name, website, score, tier, segment, model_version, lead, updated_at)
                        values (:id, :name, :website, :score, :tier, :segment, :model, cast(cast(:lead as text) as jsonb), now())
                        on conflict (lead_id) do update set name = excluded.name, website = excluded.website,
                            score = excluded.score, tier = excluded.tier, segment = excluded.segment,
                            model_version = excluded.model_version, lead = excluded.lead, updated_at = now(),
                            version = leads.version + 1""")
                .setParameter("id", lead.leadId()).setParameter("name", lead.name())
                .setParameter("website", lead.website()).setParameter("score", lead.score())
                .setParameter("tier", lead.tier()).setParameter("segment", lead.segment())
                .setParameter("model", lead.modelVersion()).setParameter("lead", EventJson.toJson(lead))
                .executeUpdate();
    }

    public Uni<Integer> upsertEnriched(Mutiny.Session session, EnrichedLead enriched) {
        return upsertScored(session, enriched.lead()).chain(() -> session.createNativeQuery(
                        "update leads set signals = cast(cast(:signals as text) as jsonb) where lead_id = :id")
                .setParameter("signals", EventJson.toJson(enriched.signals()))
                .setParameter("id", enriched.leadId())
                .executeUpdate());
    }

    public Uni<LeadRow> find(Mutiny.Session session, String leadId) {
        return session.createNativeQuery("select " + COLUMNS + " from leads where lead_id = :id", Object[].class)
                .setParameter("id", leadId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : toRow(rows.get(0)));
    }

    /** One page in score order, after the cursor (score, lead id) of the previous page's last row. */
    public Uni<List<LeadRow>> page(Mutiny.Session session, LeadQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from leads where 1 = 1");
        if (query.tier() != null) {
            sql.append(" and tier = :tier");
        }
        if (query.status() != null) {
            sql.append(" and status = :status");
        }
        if (query.afterScore() != null) {
            sql.append(" and (score, lead_id) < (:afterScore, :afterId)");
        }
        sql.append(" order by score desc, lead_id desc limit :limit");
        Mutiny.SelectionQuery<Object[]> select = session.createNativeQuery(sql.toString(), Object[].class)
                .setParameter("limit", query.limit());
        if (query.tier() != null) {
            select.setParameter("tier", query.tier());
        }
        if (query.status() != null) {
            select.setParameter("status", query.status());
        }
        if (query.afterScore() != null) {
            select.setParameter("afterScore", query.afterScore()).setParameter("afterId", query.afterId());
        }
        return select.getResultList().map(rows -> rows.stream().map(LeadRepository::toRow).toList());
    }

    public Uni<Integer> setStatus(Mutiny.Session session, String leadId, String status) {
        return session.createNativeQuery("update leads set status = :status, version = version + 1 where lead_id = :id")
                .setParameter("status", status).setParameter("id", leadId).executeUpdate();
    }

    private static LeadRow toRow(Object[] row) {
        List<EnrichedLead.Signal> signals = row[4] == null ? List.of()
                : List.of(EventJson.read((String) row[4], EnrichedLead.Signal[].class));
        return new LeadRow((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                EventJson.read((String) row[3], ScoredLead.class), signals);
    }
}
