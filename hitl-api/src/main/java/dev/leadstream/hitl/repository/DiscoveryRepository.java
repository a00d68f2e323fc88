package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.DiscoveryRow;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Discovery requests as submitted, with where each stands according to discovery-progress. */
@ApplicationScoped
public class DiscoveryRepository {

    private static final String SELECT = """
            select cast(r.request as text), cast(p.progress as text),
                   (select count(*) from leads l where l.request_ids @> array[r.request_id])
            from discovery_requests r left join discovery_progress p on p.request_id = r.request_id""";

    /** A request as a reviewer submitted it; {@code requestJson} is the event the outbox publishes. */
    public Uni<Integer> insertRequest(Mutiny.Session session, String requestId, String requestJson, String requestedBy) {
        return session.createNativeQuery("""
                        insert into discovery_requests (request_id, request, requested_by)
                        values (:id, cast(cast(:request as text) as jsonb), :by)""")
                .setParameter("id", requestId).setParameter("request", requestJson).setParameter("by", requestedBy)
                .executeUpdate();
    }

    /** The latest progress wins; an older record replayed late changes nothing. */
    public Uni<Integer> upsertProgress(Mutiny.Session session, DiscoveryProgress progress) {
        return session.createNativeQuery("""
                        insert into discovery_progress (request_id, state, progress, updated_at)
                        values (:id, :state, cast(cast(:progress as text) as jsonb), :at)
                        on conflict (request_id) do update set state = excluded.state, progress = excluded.progress,
                            updated_at = excluded.updated_at
                        where discovery_progress.updated_at <= excluded.updated_at""")
                .setParameter("id", progress.requestId()).setParameter("state", progress.state())
                .setParameter("progress", EventJson.toJson(progress)).setParameter("at", progress.updatedAt())
                .executeUpdate();
    }

    public Uni<DiscoveryRow> find(Mutiny.Session session, String requestId) {
        return session.createNativeQuery(SELECT + " where r.request_id = :id", Object[].class)
                .setParameter("id", requestId).getResultList()
                .map(rows -> rows.isEmpty() ? null : toRow(rows.getFirst()));
    }

    public Uni<List<DiscoveryRow>> recent(Mutiny.Session session, int limit) {
        return session.createNativeQuery(SELECT + " order by r.created_at desc, r.request_id limit :limit", Object[].class)
                .setParameter("limit", limit).getResultList()
                .map(rows -> rows.stream().map(DiscoveryRepository::toRow).toList());
    }

    private static DiscoveryRow toRow(Object[] row) {
        return new DiscoveryRow(EventJson.read((String) row[0], DiscoveryRequest.class),
                row[1] == null ? null : EventJson.read((String) row[1], DiscoveryProgress.class), ((Number) row[2]).longValue());
    }
}
