package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.AuditEntry;
import dev.leadstream.hitl.model.AuditFilter;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail: agent actions recorded from record provenance, and the reviewers' decisions. */
@ApplicationScoped
public class AuditRepository {

    /** Records what an agent did; the same action recorded again (a replay) changes nothing. */
    public Uni<Integer> agentAction(Mutiny.Session session, String id, Provenance provenance, String type, String leadId,
                                    String subjectId, Map<String, Object> detail) {
        String actor = provenance == null ? "unknown" : provenance.agent() + (provenance.version() == null ? "" : "/" + provenance.version());
        Instant at = provenance == null || provenance.at() == null ? Instant.EPOCH : provenance.at();
        return session.createNativeQuery("""
                        insert into agent_actions (id, at, actor, type, lead_id, subject_id, detail)
                        values (:id, :at, :actor, :type, :lead, :subject, cast(cast(:detail as text) as jsonb))
                        on conflict (id) do nothing""")
                .setParameter("id", id).setParameter("at", at).setParameter("actor", actor).setParameter("type", type)
                .setParameter("lead", leadId).setParameter("subject", subjectId)
                .setParameter("detail", EventJson.toJson(detail)).executeUpdate();
    }

    /** Records what hitl-api itself did, at the database's now; recorded again, it changes nothing. */
    public Uni<Integer> serviceAction(Mutiny.Session session, String id, String type, String subjectId, Map<String, Object> detail) {
        return session.createNativeQuery("""
                        insert into agent_actions (id, at, actor, type, lead_id, subject_id, detail)
                        values (:id, now(), 'hitl-api', :type, null, :subject, cast(cast(:detail as text) as jsonb))
                        on conflict (id) do nothing""")
                .setParameter("id", id).setParameter("type", type).setParameter("subject", subjectId)
                .setParameter("detail", EventJson.toJson(detail)).executeUpdate();
    }

    /** Newest first; {@code before} is the (at, id) of the previous page's last entry. */
    public Uni<List<AuditEntry>> page(Mutiny.Session session, AuditFilter filter, String beforeAt, String beforeId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.leadId() != null) {
            where.add("lead_id = :lead");
            params.put("lead", filter.leadId());
        }
        if (filter.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.put("type", filter.type());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", filter.to());
        }
        if (beforeAt != null) {
            where.add("(at < cast(cast(:beforeAt as text) as timestamptz)"
                    + " or at = cast(cast(:beforeAt as text) as timestamptz) and id < :beforeId)");
            params.put("beforeAt", beforeAt);
            params.put("beforeId", beforeId);
        }
        String sql = "select id, cast(at as text), actor, actor_kind, type, lead_id, subject_id, cast(detail as text)"
                + " from audit_trail" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by at desc, id desc limit :limit";
        params.put("limit", limit);
        Mutiny.SelectionQuery<Object[]> select = session.createNativeQuery(sql, Object[].class);
        params.forEach(select::setParameter);
        return select.getResultList().map(rows -> rows.stream().map(r -> new AuditEntry((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                EventJson.read((String) r[7], Map.class))).toList());
    }
}
