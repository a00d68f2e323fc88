package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.AgentHealth;
import dev.leadstream.hitl.model.EngagementGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Delivery and engagement, the funnel, and each agent's success rate, counted in the read model. */
@ApplicationScoped
public class AnalyticsRepository {

    /** The dimensions engagement can be grouped by, and their SQL. */
    public static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("channel", "coalesce(channel, '')");
        DIMENSIONS.put("segment", "coalesce(event ->> 'segment', '')");
        DIMENSIONS.put("variant", "coalesce(event ->> 'variant', '')");
        DIMENSIONS.put("day", "cast(cast(at as date) as text)");
    }

    public static final List<String> SIGNALS = List.of("sent", "delivered", "bounced", "opened", "clicked", "replied",
            "unsubscribed", "rejected");

    public Uni<List<EngagementGroup>> engagement(Mutiny.Session session, List<String> groupBy, Instant from, Instant to) {
        List<String> columns = groupBy.stream().map(DIMENSIONS::get).toList();
        String select = columns.isEmpty() ? "" : String.join(", ", columns) + ", ";
        String group = columns.isEmpty() ? "type" : String.join(", ", columns) + ", type";
        String sql = "select " + select + "type, count(*) from engagement where at >= :from and at < :to group by " + group
                + " order by " + group;
        return session.createNativeQuery(sql, Object[].class).setParameter("from", from).setParameter("to", to)
                .getResultList().map(rows -> {
                    Map<List<String>, EngagementGroup> groups = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        List<String> key = new ArrayList<>();
                        for (int i = 0; i < groupBy.size(); i++) {
                            key.add((String) row[i]);
                        }
                        EngagementGroup g = groups.computeIfAbsent(key, k -> {
                            Map<String, String> named = new LinkedHashMap<>();
                            for (int i = 0; i < groupBy.size(); i++) {
                                named.put(groupBy.get(i), k.get(i));
                            }
                            Map<String, Long> counts = new LinkedHashMap<>();
                            SIGNALS.forEach(s -> counts.put(s, 0L));
                            return new EngagementGroup(named, counts);
                        });
                        g.counts().put((String) row[groupBy.size()], ((Number) row[groupBy.size() + 1]).longValue());
                    }
                    return List.copyOf(groups.values());
                });
    }

    /** Distinct leads that reached each stage, from discovered to replied. */
    public Uni<Map<String, Long>> funnel(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select
                          (select count(*) from leads),
                          (select count(*) from leads where has_email or has_phone),
                          (select count(*) from leads where signals is not null),
                          (select count(distinct lead_id) from decisions where kind = 'lead.selected'),
                          (select count(distinct lead_id) from drafts),
                          (select count(distinct lead_id) from drafts where status = 'approved'),
                          (select count(distinct lead_id) from engagement where type = 'sent'),
                          (select count(distinct lead_id) from engagement where type = 'opened'),
                          (select count(distinct lead_id) from engagement where type = 'clicked'),
                          (select count(distinct lead_id) from engagement where type = 'replied')""", Object[].class)
                .getSingleResult().map(row -> {
                    Map<String, Long> stages = new LinkedHashMap<>();
                    List<String> names = List.of("discovered", "contactable", "enriched", "selected", "drafted", "approved",
                            "sent", "opened", "clicked", "replied");
                    for (int i = 0; i < names.size(); i++) {
                        stages.put(names.get(i), ((Number) row[i]).longValue());
                    }
                    return stages;
                });
    }

    /** Per agent: the records it produced that the review service saw, against its dead letters (all, and since {@code recentFrom}). */
    public Uni<List<AgentHealth>> agents(Mutiny.Session session, Instant recentFrom) {
        return session.createNativeQuery("""
                        with processed as (
                            select split_part(actor, '/', 1) as agent, count(*) as n from agent_actions group by 1),
                        dead as (
                            select agent, count(*) as n, count(*) filter (where at >= :recent) as recent from dead_letters group by 1)
                        select coalesce(p.agent, d.agent), coalesce(p.n, 0), coalesce(d.n, 0), coalesce(d.recent, 0)
                        from processed p full outer join dead d on d.agent = p.agent
                        order by 1""", Object[].class)
                .setParameter("recent", recentFrom)
                .getResultList().map(rows -> rows.stream().map(r -> new AgentHealth((String) r[0],
                        ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList());
    }
}
