package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.LeadFilter;
import dev.leadstream.hitl.model.LeadQuery;
import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.hitl.model.LeadTablePage;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The lead table: upserts from the topics, keyset pages for reviewers. */
@ApplicationScoped
public class LeadRepository {

    /** facet name → column */
    private static final Map<String, String> FACETS = new LinkedHashMap<>();

    static {
        List.of("tier", "status", "sector", "segment", "country", "city").forEach(c -> FACETS.put(c, c));
        FACETS.put("hasEmail", "has_email");
        FACETS.put("hasPhone", "has_phone");
    }

    private static final String COLUMNS = "lead_id, status, version, cast(lead as text), cast(signals as text)";

    /** A newer scoring of a lead replaces the old one; the reviewer's status is kept. */
    public Uni<Integer> upsertScored(Mutiny.Session session, ScoredLead lead) {
        ScoredLead.Location place = lead.location();
        return session.createNativeQuery("""
                        insert into leads (lead_id, name, website, score, tier, segment, model_version, lead, updated_at,
                                           sector, country, region, city, has_email, has_phone, request_ids)
                        values (:id, :name, :website, :score, :tier, :segment, :model, cast(cast(:lead as text) as jsonb), now(),
                                :sector, :country, :region, :city, :hasEmail, :hasPhone, string_to_array(:requests, ' '))
                        on conflict (lead_id) do update set name = excluded.name, website = excluded.website,
                            score = excluded.score, tier = excluded.tier, segment = excluded.segment,
                            model_version = excluded.model_version, lead = excluded.lead, updated_at = now(),
                            sector = excluded.sector, country = excluded.country, region = excluded.region,
                            city = excluded.city, has_email = excluded.has_email, has_phone = excluded.has_phone,
                            request_ids = excluded.request_ids, version = leads.version + 1""")
                .setParameter("id", lead.leadId()).setParameter("name", lead.name())
                .setParameter("website", lead.website()).setParameter("score", lead.score())
                .setParameter("tier", lead.tier()).setParameter("segment", lead.segment())
                .setParameter("model", lead.modelVersion()).setParameter("lead", EventJson.toJson(lead))
                .setParameter("sector", lead.sector())
                .setParameter("country", place == null ? null : place.country())
                .setParameter("region", place == null ? null : place.region())
                .setParameter("city", place == null ? null : place.city())
                .setParameter("hasEmail", !lead.emails().isEmpty()).setParameter("hasPhone", !lead.phones().isEmpty())
                .setParameter("requests", String.join(" ", lead.requestIds()))
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

    /** One page in the query's order, after the row whose sort-key values are {@code query.after()}. */
    public Uni<LeadTablePage> page(Mutiny.Session session, LeadQuery query) {
        List<LeadQuerySql.Key> keys = LeadQuerySql.keys(query.sort());
        LeadQuerySql.Where where = LeadQuerySql.where(query.filter());
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        StringBuilder sql = new StringBuilder("select " + COLUMNS);
        // aliased: an unnamed cast(score as text) would be the output column "score", and ORDER BY
        // score would then sort that text ("9" after "10") instead of walking the index
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", cast(").append(keys.get(i).sql()).append(" as text) as sort_key_").append(i);
        }
        sql.append(" from leads where ").append(where.sql());
        if (query.after() != null) {
            sql.append(" and (").append(after(keys, query.descending(), query.after(), params)).append(')');
        }
        sql.append(" order by ").append(String.join(", ", keys.stream()
                .map(k -> k.sql() + (query.descending() != k.reversed() ? " desc" : " asc")).toList()));
        sql.append(" limit :limit");
        params.put("limit", query.limit());
        Mutiny.SelectionQuery<Object[]> select = session.createNativeQuery(sql.toString(), Object[].class);
        params.forEach(select::setParameter);
        return select.getResultList().map(rows -> new LeadTablePage(rows.stream().map(LeadRepository::toRow).toList(),
                rows.stream().map(r -> Arrays.stream(r, 5, 5 + keys.size()).map(v -> (String) v).toList()).toList()));
    }

    /**
     * Counts per value of each facet column, under the filter, in one pass (grouping sets): the
     * grouping() bitmask of a row says which column it counts.
     */
    public Uni<Map<String, Map<String, Long>>> facets(Mutiny.Session session, LeadFilter filter) {
        LeadQuerySql.Where where = LeadQuerySql.where(filter);
        List<String> columns = List.copyOf(FACETS.values());
        String sql = "select cast(grouping(" + String.join(", ", columns) + ") as integer), "
                + String.join(", ", columns.stream().map(c -> "coalesce(cast(" + c + " as text), '')").toList())
                + ", count(*) from leads where " + where.sql() + " group by grouping sets ("
                + String.join(", ", columns.stream().map(c -> "(" + c + ")").toList()) + ")";
        Mutiny.SelectionQuery<Object[]> select = session.createNativeQuery(sql, Object[].class);
        where.params().forEach(select::setParameter);
        List<String> names = List.copyOf(FACETS.keySet());
        return select.getResultList().map(rows -> {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            names.forEach(f -> facets.put(f, new TreeMap<>()));
            for (Object[] row : rows) {
                int absent = ((Number) row[0]).intValue();
                for (int i = 0; i < names.size(); i++) {
                    // grouping() sets a column's bit (leftmost column highest) when the row does not group by it
                    if ((absent & (1 << (names.size() - 1 - i))) == 0) {
                        facets.get(names.get(i)).put((String) row[1 + i], ((Number) row[1 + names.size()]).longValue());
                    }
                }
            }
            return facets;
        });
    }

    /** Rows strictly after the cursor: (k1 after v1) or (k1 = v1 and k2 after v2) or ... */
    private static String after(List<LeadQuerySql.Key> keys, boolean descending, List<String> cursor, Map<String, Object> params) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j <= i; j++) {
                LeadQuerySql.Key key = keys.get(j);
                // the reactive client binds the cursor value as text; PostgreSQL casts it to the key's type
                String value = "cast(cast(:k" + j + " as text) as " + key.type() + ")";
                boolean desc = descending != key.reversed();
                terms.add(key.sql() + (j < i ? " = " : desc ? " < " : " > ") + value);
            }
            alternatives.add("(" + String.join(" and ", terms) + ")");
        }
        for (int j = 0; j < keys.size(); j++) {
            params.put("k" + j, cursor.get(j));
        }
        return String.join(" or ", alternatives);
    }

    /**
     * The named leads, locked for the caller's transaction in one round trip; in lead id order, so
     * two bulk decisions over the same leads queue instead of deadlocking.
     */
    public Uni<Map<String, LeadRow>> lockAll(Mutiny.Session session, List<String> leadIds) {
        return session.createNativeQuery("select " + COLUMNS + " from leads where lead_id = any(cast(:ids as text[]))"
                        + " order by lead_id for update", Object[].class)
                .setParameter("ids", leadIds.toArray(String[]::new)).getResultList()
                .map(rows -> {
                    Map<String, LeadRow> found = new LinkedHashMap<>();
                    rows.forEach(r -> found.put((String) r[0], toRow(r)));
                    return found;
                });
    }

    /** How long the caller's transaction waits for another's row locks (e.g. "5s") before it fails with 55P03. */
    public Uni<Void> limitLockWait(Mutiny.Session session, String wait) {
        return session.createNativeQuery("select set_config('lock_timeout', :wait, true)")
                .setParameter("wait", wait).getSingleResult().replaceWithVoid();
    }

    /** Of the named leads, those already contacted: a draft approved for them, or an email sent. */
    public Uni<Set<String>> contacted(Mutiny.Session session, List<String> leadIds) {
        return session.createNativeQuery("""
                        select lead_id from drafts where lead_id = any(cast(:ids as text[])) and status = 'approved'
                        union
                        select lead_id from engagement where lead_id = any(cast(:ids as text[])) and type = 'sent'""", String.class)
                .setParameter("ids", leadIds.toArray(String[]::new)).getResultList().map(Set::copyOf);
    }

    public Uni<Integer> setStatuses(Mutiny.Session session, List<String> leadIds, String status) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createNativeQuery("update leads set status = :status, version = version + 1"
                        + " where lead_id = any(cast(:ids as text[]))")
                .setParameter("status", status).setParameter("ids", leadIds.toArray(String[]::new)).executeUpdate();
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
