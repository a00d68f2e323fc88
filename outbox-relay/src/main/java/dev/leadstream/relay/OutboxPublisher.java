package dev.leadstream.relay;

import dev.leadstream.topics.CloudEvents;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;
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
 */
final class OutboxPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String positionTopic;
    private final String relayId;
    private final long pauseAfterPublishMillis;
    private RelayPosition committed;
    private volatile long published;
    private volatile long skipped;

    OutboxPublisher(Map<String, Object> kafka, String relayId, String positionTopic, long pauseAfterPublishMillis)
            throws InterruptedException {
        this.relayId = relayId;
        this.pauseAfterPublishMillis = pauseAfterPublishMillis;
        this.positionTopic = positionTopic;
        RelayPosition.ensureTopic(kafka, positionTopic);
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, relayId,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
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

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> events,
                            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        List<SourceRecord> fresh = new ArrayList<>();
        RelayPosition newest = committed;
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            SourceRecord record = event.value();
            if (record == null || record.value() == null) {
                continue;
            }
            RelayPosition position = RelayPosition.of(record.sourceOffset());
            if (!position.isAfter(committed)) {
                skipped++;
                continue;
            }
            fresh.add(record);
            newest = position.isAfter(newest) ? position : newest;
        }
        if (!fresh.isEmpty()) {
            publish(fresh, newest);
            if (pauseAfterPublishMillis > 0) {
                Thread.sleep(pauseAfterPublishMillis);
            }
        }
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private void publish(List<SourceRecord> records, RelayPosition newest) {
        producer.beginTransaction();
        try {
            records.forEach(record -> producer.send(toKafka(record)));
            producer.send(new ProducerRecord<>(positionTopic, relayId, newest.toString()));
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("another outbox relay with id " + relayId + " took over; this one stops", e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw new IllegalStateException("could not publish outbox events; the batch will be replayed", e);
        }
        committed = newest;
        published += records.size();
    }

    private static ProducerRecord<String, String> toKafka(SourceRecord record) {
        String eventId = header(record, "id");
        String type = header(record, CloudEvents.TYPE);
        List<Header> headers = new ArrayList<>(CloudEvents.headers(eventId, type, "/leadstream/hitl-api", Instant.now()));
        return new ProducerRecord<>(record.topic(), null, record.key() == null ? null : record.key().toString(),
                record.value().toString(), headers);
    }

    private static String header(SourceRecord record, String name) {
        org.apache.kafka.connect.header.Header header = record.headers().lastWithName(name);
        return header == null || header.value() == null ? null : header.value().toString();
    }

    @Override
    public void close() {
        producer.close();
    }

}
