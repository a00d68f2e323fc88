package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.DiscoveryRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.DiscoveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Discovery requests and where each stands. */
@ApplicationScoped
public class DiscoveryQueries {

    private final Mutiny.SessionFactory sessions;
    private final DiscoveryRepository discoveries;

    public DiscoveryQueries(Mutiny.SessionFactory sessions, DiscoveryRepository discoveries) {
        this.sessions = sessions;
        this.discoveries = discoveries;
    }

    /** The latest requests, newest first. */
    public Uni<List<DiscoveryRow>> recent(int limit) {
        return sessions.withSession(session -> discoveries.recent(session, limit));
    }

    /** The request, or 404. */
    public Uni<DiscoveryRow> get(String requestId) {
        return sessions.withSession(session -> discoveries.find(session, requestId)).map(row -> {
            if (row == null) {
                throw ApiProblem.notFound("no discovery request " + requestId);
            }
            return row;
        });
    }
}
