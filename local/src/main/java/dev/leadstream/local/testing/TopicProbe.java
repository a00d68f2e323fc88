package dev.leadstream.local.testing;

import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Writes events to and reads them from real topics, for tests: as the broker's admin, so any topic. */
public final class TopicProbe {

    private final Map<String, Object> client;

    /** A probe signed in as the admin of the broker started in this JVM at that address. */
    public TopicProbe(String bootstrapServers) {
        this(KafkaAuth.adminFor(bootstrapServers));
    }

    /** A probe with these client settings (address, security): see {@code LocalKafka.clientAs}. */
    public TopicProbe(Map<String, Object> client) {
        this.client = Map.copyOf(client);
    }

    public <V> void send(Topic<V> topic, String key, V value) {
        sendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value), topic.eventType());
    }

    public void sendRaw(String topic, String key, byte[] value, String eventType) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all")), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value);
            CloudEvents.addTo(record.headers(), eventType, "/leadstream/tests");
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code until} holds for what was read; fails with
     * what it did read when the time runs out first.
     */
    public List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, Duration timeout,
                                                         Predicate<List<ConsumerRecord<byte[], byte[]>>> until) {
        List<ConsumerRecord<byte[], byte[]>> records = read(topic, timeout, until);
        if (!until.test(records)) {
            throw new AssertionError("waited " + timeout + " on " + topic + " and read " + records.size()
                    + " records without the expected ones");
        }
        return records;
    }

    /** Everything the topic holds, read from the beginning for {@code period}: for "nothing more came". */
    public List<ConsumerRecord<byte[], byte[]>> readFor(String topic, Duration period) {
        return read(topic, period, records -> false);
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic, Duration timeout,
                                                      Predicate<List<ConsumerRecord<byte[], byte[]>>> until) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (until.test(records)) {
                    return records;
                }
            }
        }
        return records;
    }

    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(client);
        all.putAll(settings);
        return all;
    }

    public <V> List<V> values(Topic<V> topic, List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value())).toList();
    }
}
