package dev.leadstream.local.testing;

import dev.leadstream.local.testing.PoisonRecords.Poison;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Feeds poison to a real topic and checks its DLQ: each poison record must come back from the
 * named agent exactly once, found by the position it was written at (dead-letter-topic,
 * -partition and -offset), not by its content, which a DLQ may cut.
 */
public final class PoisonRun {

    /** One poison record and where it landed. */
    public record Sent(Poison poison, int partition, long offset) {
    }

    private final String bootstrapServers;
    private final String topic;
    private final List<Sent> sent = new ArrayList<>();

    public PoisonRun(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /**
     * Writes each record with the topic's CloudEvents headers, as a producer of the contract would;
     * returns those the broker took (the ones a consumer will see).
     */
    public List<Sent> send(List<Poison> poison, String eventType) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Poison p : poison) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                        p.key() == null ? null : p.key().getBytes(StandardCharsets.UTF_8), p.value());
                CloudEvents.addTo(record.headers(), eventType, "/leadstream/tests/poison");
                try {
                    RecordMetadata at = producer.send(record).get();
                    sent.add(new Sent(p, at.partition(), at.offset()));
                } catch (ExecutionException e) {
                    // what the broker refuses (a record without a key on a compacted topic) no consumer will see
                    if (!(e.getCause() instanceof InvalidRecordException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write poison to " + topic, e);
        }
        return List.copyOf(sent);
    }

    /** Waits until every poison record sent is on the DLQ from {@code agent}. */
    public void awaitDeadLettered(String agent, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try {
            new TopicProbe(bootstrapServers).readUntil(topic + ".dlq", timeout, records -> {
                read.clear();
                read.addAll(records);
                return missing(records, agent).isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError("no dead letter from " + agent + " for " + missing(read, agent).stream()
                    .map(s -> s.poison().name() + " at " + s.partition() + "@" + s.offset()).toList(), e);
        }
    }

    /** How many dead letters {@code agent} wrote for each poison record, by the poison's name. */
    public Map<String, Long> deadLettersPerPoison(String agent, Duration readFor) {
        List<ConsumerRecord<byte[], byte[]>> records = new TopicProbe(bootstrapServers).readFor(topic + ".dlq", readFor);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Sent s : sent) {
            counts.put(s.poison().name(), records.stream().filter(r -> isFor(r, s) && agent.equals(header(r, DeadLetters.AGENT))).count());
        }
        return counts;
    }

    private List<Sent> missing(List<ConsumerRecord<byte[], byte[]>> records, String agent) {
        return sent.stream().filter(s -> records.stream().noneMatch(r -> isFor(r, s) && agent.equals(header(r, DeadLetters.AGENT))))
                .toList();
    }

    private boolean isFor(ConsumerRecord<byte[], byte[]> record, Sent sent) {
        return topic.equals(header(record, DeadLetters.SOURCE_TOPIC))
                && Integer.toString(sent.partition()).equals(header(record, DeadLetters.SOURCE_PARTITION))
                && Long.toString(sent.offset()).equals(header(record, DeadLetters.SOURCE_OFFSET));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return CloudEvents.value(record.headers(), name);
    }
}
