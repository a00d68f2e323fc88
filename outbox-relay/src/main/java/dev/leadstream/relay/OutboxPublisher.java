package dev.leadstream.relay;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes each batch of routed outbox events to Kafka exactly once: the events and the relay's
 * new position go in one Kafka transaction, and events at or before the committed position are
 * skipped. Debezium replays what it had not flushed as processed when the relay died; those
 * events were either committed with their position (skipped now) or aborted (published now).
 * Consumers read with {@code isolation.level=read_committed}.
 *
 * <p>A row that can never be published goes, in the same transaction, to its dead-letter topic
 * instead (see {@link OutboxRow}): a poison row must not stop the rows after it, nor wedge the
 * relay across restarts by failing every replay. Should the broker refuse a record as too large
 * although it passed the relay's own limit (a topic set lower), the batch is published again one
 * row per transaction, and the row the broker refuses is dead-lettered.
 */
final class OutboxPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, AutoCloseable {

    private record Pending(OutboxRow row, RelayPosition position) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final String positionTopic;
    private final String relayId;
    private final long pauseAfterPublishMillis;
    private final int maxRecordBytes;
    private RelayPosition committed;
    private volatile long published;
    private volatile long skipped;
    private volatile long deadLettered;

    OutboxPublisher(Map<String, Object> kafka, String relayId, String positionTopic, long pauseAfterPublishMillis,
                    int maxRecordBytes) throws InterruptedException {
        this.relayId = relayId;
        this.pauseAfterPublishMillis = pauseAfterPublishMillis;
        this.positionTopic = positionTopic;
        this.maxRecordBytes = maxRecordBytes;
        // the contract's topics are created with the stack; this one is the relay's own
        RelayPosition.ensureTopic(kafka, positionTopic);
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, relayId,
                // a batch is sent at commit; waiting for more records would only add latency
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        // fences an earlier relay with the same id and aborts the transaction it left open
        producer.initTransactions();
        this.committed = RelayPosition.lastCommitted(kafka, positionTopic, relayId);
    }

    long published() {
        return published;
    }

    /** Events Debezium delivered again that had been published already. */
    long skipped() {
        return skipped;
    }

    /** Rows that could never be published and went to a dead-letter topic instead. */
    long deadLettered() {
        return deadLettered;
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> events,
                            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        List<Pending> fresh = new ArrayList<>();
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            SourceRecord record = event.value();
            if (record == null || record.value() == null) {
                // not an outbox insert (the router passes deletes on without a value)
                continue;
            }
            RelayPosition position = RelayPosition.of(record.sourceOffset());
            if (!position.isAfter(committed)) {
                skipped++;
                continue;
            }
            fresh.add(new Pending(OutboxRow.of(record), position));
        }
        if (!fresh.isEmpty()) {
            publish(fresh);
            if (pauseAfterPublishMillis > 0) {
                Thread.sleep(pauseAfterPublishMillis);
            }
        }
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private void publish(List<Pending> batch) {
        try {
            inTransaction(batch, false);
        } catch (KafkaException e) {
            if (!tooLarge(e)) {
                throw new IllegalStateException("could not publish outbox events; the batch will be replayed", e);
            }
            for (Pending one : batch) {
                publishAlone(one);
            }
        }
    }

    private void publishAlone(Pending one) {
        try {
            inTransaction(List.of(one), false);
        } catch (KafkaException e) {
            if (!tooLarge(e)) {
                throw new IllegalStateException("could not publish outbox events; the batch will be replayed", e);
            }
            inTransaction(List.of(one), true);
        }
    }

    /** Sends the rows (or, with {@code refused}, their dead letters) and the newest position in one transaction. */
    private void inTransaction(List<Pending> rows, boolean refused) {
        RelayPosition newest = rows.getLast().position();
        long letters = 0;
        producer.beginTransaction();
        try {
            for (Pending pending : rows) {
                String problem = refused ? "the broker refused the record as too large" : pending.row().problem(maxRecordBytes);
                if (problem == null) {
                    producer.send(pending.row().event());
                } else {
                    producer.send(pending.row().deadLetter(problem, pending.position(), maxRecordBytes));
                    letters++;
                }
                newest = pending.position().isAfter(newest) ? pending.position() : newest;
            }
            producer.send(new ProducerRecord<>(positionTopic, relayId, newest.toString().getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("another outbox relay with id " + relayId + " took over; this one stops", e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
        committed = newest;
        published += rows.size() - letters;
        deadLettered += letters;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        producer.close();
    }

}
