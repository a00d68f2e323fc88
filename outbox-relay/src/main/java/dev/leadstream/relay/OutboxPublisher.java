package dev.leadstream.relay;

import dev.leadstream.topics.CloudEvents;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Publishes a batch of routed outbox events to Kafka and marks them processed only after the
 * broker acknowledged every one (idempotent producer, acks=all). A crash before that replays the
 * batch: consumers de-duplicate by the event id in {@code ce_id}.
 */
final class OutboxPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private volatile long published;

    OutboxPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"), new StringSerializer(), new StringSerializer());
    }

    long published() {
        return published;
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> events,
                            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            SourceRecord record = event.value();
            if (record != null && record.value() != null) {
                sends.add(producer.send(toKafka(record)));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not publish an outbox event; the batch will be replayed", e.getCause());
            }
        }
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        published += sends.size();
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
