package dev.leadstream.relay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Where in PostgreSQL's change stream the last published outbox event was, as (commit LSN, LSN):
 * both grow with the stream, so an event at or before it was published already. The relay writes
 * it to a compacted topic in the same Kafka transaction as the events, so the two cannot disagree.
 */
record RelayPosition(long commitLsn, long lsn) implements Comparable<RelayPosition> {

    static final RelayPosition START = new RelayPosition(-1, -1);
    private static final int TAIL = 200;

    /** The position of a Debezium event, from its source offset. */
    static RelayPosition of(Map<String, ?> sourceOffset) {
        long lsn = number(sourceOffset.get("lsn"));
        Object commit = sourceOffset.get("lsn_commit");
        return new RelayPosition(commit == null ? lsn : number(commit), lsn);
    }

    static RelayPosition parse(String text) {
        String[] parts = text.split("/");
        return new RelayPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    @Override
    public String toString() {
        return commitLsn + "/" + lsn;
    }

    @Override
    public int compareTo(RelayPosition other) {
        int byCommit = Long.compare(commitLsn, other.commitLsn);
        return byCommit != 0 ? byCommit : Long.compare(lsn, other.lsn);
    }

    boolean isAfter(RelayPosition other) {
        return compareTo(other) > 0;
    }

    /** Creates the position topic when it is missing: one partition, compacted. */
    static void ensureTopic(Map<String, Object> kafka, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the relay's topic " + topic, e.getCause());
            }
        }
    }

    /** The last committed position for this relay, or {@link #START} when it never published. */
    static RelayPosition lastCommitted(Map<String, Object> kafka, String topic, String relayId) {
        TopicPartition partition = new TopicPartition(topic, 0);
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            // each transaction adds one position and one commit marker, so the newest is near the end
            for (long from : List.of(Math.max(0, end - TAIL), 0L)) {
                RelayPosition last = read(consumer, partition, from, end, relayId);
                if (last != null || from == 0) {
                    return last == null ? START : last;
                }
            }
            return START;
        }
    }

    private static RelayPosition read(KafkaConsumer<String, String> consumer, TopicPartition partition, long from, long end,
                                      String relayId) {
        consumer.seek(partition, from);
        RelayPosition last = null;
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (relayId.equals(record.key()) && record.value() != null) {
                    last = parse(record.value());
                }
            }
        }
        return last;
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("a Debezium source offset without a numeric lsn: " + value);
    }
}
