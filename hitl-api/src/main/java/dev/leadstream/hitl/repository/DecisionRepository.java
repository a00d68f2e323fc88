package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;

/**
 * Reviewers' decisions and the outbox rows that publish them, written in the caller's
 * transaction so that both exist or neither.
 */
@ApplicationScoped
public class DecisionRepository {

    /** The decision and the events it publishes (none for a decision that only changes the read model). */
    public Uni<Void> record(Mutiny.Session session, Decision decision, OutboxEvent... events) {
        Uni<Void> written = session.persist(decision);
        for (OutboxEvent event : events) {
            written = written.chain(() -> session.persist(event));
        }
        return written;
    }

    /** An event of a decision recorded before, in the caller's transaction. */
    public Uni<Void> publish(Mutiny.Session session, OutboxEvent event) {
        return session.persist(event);
    }

    /** Many decisions and their events in one flush: all decisions, then all events, so each table's rows go in batches. */
    public Uni<Void> recordAll(Mutiny.Session session, List<Decision> decisions, List<OutboxEvent> events) {
        List<Object> rows = new ArrayList<>(decisions);
        rows.addAll(events);
        return session.persistAll(rows.toArray()).chain(session::flush);
    }

    /** The decision made under this idempotency key, or null. */
    public Uni<Decision> findByKey(Mutiny.Session session, String scopedKey) {
        return session.createSelectionQuery("from Decision where idempotencyKey = :key", Decision.class)
                .setParameter("key", scopedKey).getSingleResultOrNull();
    }

    /** The decisions one bulk call made under its key's scope. */
    public Uni<List<Decision>> findByScope(Mutiny.Session session, String scope) {
        return session.createSelectionQuery("from Decision where idempotencyScope = :scope", Decision.class)
                .setParameter("scope", scope).getResultList();
    }
}
