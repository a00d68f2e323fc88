package dev.leadstream.hitl.messaging;

import dev.leadstream.hitl.repository.DeadLetterRepository;
import dev.leadstream.topics.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Records every dead letter of every {@code <topic>.dlq} (not its payload, which may hold contact
 * details): which agent gave up on what, and why. Analytics counts them against what each agent
 * processed.
 */
@ApplicationScoped
public class DeadLetterRecorder {

    static final int MAX_HEADER = 1000;

    private final Mutiny.SessionFactory sessions;
    private final DeadLetterRepository deadLetters;

    public DeadLetterRecorder(Mutiny.SessionFactory sessions, DeadLetterRepository deadLetters) {
        this.sessions = sessions;
        this.deadLetters = deadLetters;
    }

    @Incoming("dead-letters")
    public Uni<Void> onDeadLetter(ConsumerRecord<String, byte[]> record) {
        String source = header(record, DeadLetters.SOURCE_TOPIC);
        String agent = header(record, DeadLetters.AGENT);
        String dlqSource = record.topic().endsWith(".dlq") ? record.topic().substring(0, record.topic().length() - 4) : record.topic();
        DeadLetterRepository.DeadLetter letter = new DeadLetterRepository.DeadLetter(record.topic(), record.partition(),
                record.offset(), agent != null ? agent : "consumer of " + (source != null ? source : dlqSource),
                source != null ? source : dlqSource, header(record, DeadLetters.REASON), Instant.ofEpochMilli(record.timestamp()));
        return sessions.withTransaction(session -> deadLetters.insert(session, letter)).replaceWithVoid();
    }

    /** A header as text PostgreSQL can keep: no NUL, at most {@link #MAX_HEADER} characters, as any producer may write it. */
    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).replace("\0", "");
        return value.length() > MAX_HEADER ? value.substring(0, MAX_HEADER) : value;
    }
}
