package dev.leadstream.topics.messaging;

import dev.leadstream.topics.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How one record of a SmallRye consumer ends: processed and acknowledged, or, when it cannot be
 * processed (malformed, wrong shape, missing key or field, or failing in our own code), sent once
 * to {@code <topic>.dlq} by SmallRye's dead-letter-queue strategy with the reason and the agent's
 * name, and acknowledged, so the next record goes on. A transient failure (connection, timeout,
 * the broker asking to retry) is retried with backoff instead, holding the records behind it.
 * The channel needs {@code failure-strategy=dead-letter-queue}.
 */
public final class RecordOutcome {

    private static final Logger LOG = Logger.getLogger(RecordOutcome.class);

    private final String agent;
    private final Predicate<Throwable> isTransient;

    private RecordOutcome(String agent, Predicate<Throwable> isTransient) {
        this.agent = agent;
        this.isTransient = isTransient;
    }

    public static RecordOutcome forAgent(String agent) {
        return new RecordOutcome(agent, DeadLetters::isTransient);
    }

    /** Also retries what {@code alsoTransient} recognises, e.g. a database that is restarting. */
    public RecordOutcome retrying(Predicate<Throwable> alsoTransient) {
        return new RecordOutcome(agent, isTransient.or(alsoTransient));
    }

    public String agent() {
        return agent;
    }

    public Uni<Void> settle(KafkaRecord<?, ?> record, Supplier<Uni<Void>> work) {
        return Uni.createFrom().<Void>deferred(work::get)
                .onFailure(isTransient).invoke(e -> LOG.warnf("%s failed for now (%s), retrying",
                        where(record), e.getClass().getSimpleName()))
                .onFailure(isTransient).retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .onItemOrFailure().transformToUni((done, failure) -> failure == null
                        ? Uni.createFrom().completionStage(record.ack())
                        : deadLetter(record, failure));
    }

    private Uni<Void> deadLetter(KafkaRecord<?, ?> record, Throwable failure) {
        LOG.warnf("%s cannot be processed (%s); dead-lettered", where(record), failure.getClass().getSimpleName());
        Metadata named = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(new RecordHeaders(List.of(DeadLetters.agent(agent)))).build());
        return Uni.createFrom().completionStage(record.nack(failure, named));
    }

    /** Topic, partition and offset: never the key or value, which may name a person. */
    private static String where(KafkaRecord<?, ?> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        return record.getTopic() + "-" + record.getPartition() + "@" + offset;
    }
}
