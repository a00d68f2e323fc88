package dev.leadstream.hitl.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/** Which agent gave up on what, and why: one row per dead letter, never its payload. */
@ApplicationScoped
public class DeadLetterRepository {

    /** Where the dead letter lies, who gave up on it and why. */
    public record DeadLetter(String dlqTopic, int partition, long offset, String agent, String sourceTopic, String reason,
                             Instant at) {
    }

    /** Keeps the dead letter; the same one read again (a replay) changes nothing. */
    public Uni<Integer> insert(Mutiny.Session session, DeadLetter letter) {
        return session.createNativeQuery("""
                        insert into dead_letters (dlq_topic, dlq_partition, dlq_offset, agent, source_topic, reason, at)
                        values (:topic, :partition, :offset, :agent, :source, :reason, :at)
                        on conflict do nothing""")
                .setParameter("topic", letter.dlqTopic()).setParameter("partition", letter.partition())
                .setParameter("offset", letter.offset()).setParameter("agent", letter.agent())
                .setParameter("source", letter.sourceTopic()).setParameter("reason", letter.reason())
                .setParameter("at", letter.at())
                .executeUpdate();
    }
}
