package dev.leadstream.hitl.service;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.entity.OutboxEvent;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.DecisionRepository;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every reviewer decision shares: it is made in ONE transaction with the outbox rows it
 * publishes, and made once per idempotency key; an event too large for a Kafka record is refused
 * before anything is written.
 */
@ApplicationScoped
public class DecisionTransaction {

    /** Kafka carries records of up to 1 MiB; the relay's envelope and headers need room too. */
    public static final int MAX_RECORD_BYTES = 768 * 1024;

    private final Mutiny.SessionFactory sessions;
    private final DecisionRepository decisions;

    public DecisionTransaction(Mutiny.SessionFactory sessions, DecisionRepository decisions) {
        this.sessions = sessions;
        this.decisions = decisions;
    }

    /** Runs {@code decide} in one transaction, unless an earlier call with this key already decided. */
    public Uni<Decision> once(Idempotency key, Function<Mutiny.Session, Uni<Decision>> decide) {
        return sessions.withTransaction(session -> replay(session, key)
                .chain(previous -> previous != null ? Uni.createFrom().item(previous) : decide.apply(session)));
    }

    /** The decision an earlier call with the same key, reviewer, action and target made, or null. */
    private Uni<Decision> replay(Mutiny.Session session, Idempotency key) {
        if (!key.given()) {
            return Uni.createFrom().nullItem();
        }
        return decisions.findByKey(session, key.scopedKey()).invoke(previous -> {
            if (previous != null) {
                key.checkSameRequest(previous.requestHash);
            }
        });
    }

    static Decision decision(String kind, String leadId, String subjectId, String reviewer, Idempotency key) {
        Decision decision = Decision.of(kind, leadId, subjectId, reviewer, key.scopedKey());
        decision.requestHash = key.requestHash();
        return decision;
    }

    /**
     * The outbox row for an event, refused with 413 when its value would not fit in a Kafka record
     * with room to spare for the key, headers and the relay's envelope.
     */
    static OutboxEvent outbox(UUID id, Topic<?> topic, String key, String type, Object event) {
        OutboxEvent row = OutboxEvent.of(id, topic, key, type, event);
        int bytes = row.payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_RECORD_BYTES) {
            throw ApiProblem.tooLarge("the event this would publish to " + topic.name() + " for " + key + " is " + bytes
                    + " bytes; a record may be at most " + MAX_RECORD_BYTES, MAX_RECORD_BYTES);
        }
        return row;
    }

    /** The outbox row that publishes a decision's approval to the approved topic. */
    static OutboxEvent approval(Decision decision, Approval approval) {
        return outbox(decision.id, Topics.APPROVED, approval.leadId(), Topics.APPROVED.eventType() + "." + approval.type(), approval);
    }
}
