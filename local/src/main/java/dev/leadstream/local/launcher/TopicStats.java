package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Record counts per topic and lag per consumer group, read from the broker with the Admin API. */
public final class TopicStats implements AutoCloseable {

    public record Row(String topic, int partitions, long records, Map<String, Long> lagByGroup) {
    }

    private final Admin admin;

    public TopicStats(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>(KafkaAuth.adminFor(bootstrapServers));
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(settings);
    }

    /** Records currently held by each contract topic and its DLQ, in contract order. */
    public Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Row row : rows(false)) {
            counts.put(row.topic(), row.records());
        }
        return counts;
    }

    public List<Row> rows(boolean withLag) throws Exception {
        List<String> names = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            names.add(topic.name());
            names.add(topic.dlq());
        }
        Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
        names.removeIf(n -> !existing.contains(n));
        Map<String, Integer> partitions = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS)
                .forEach((name, d) -> partitions.put(name, d.partitions().size()));
        List<TopicPartition> all = new ArrayList<>();
        partitions.forEach((name, count) -> {
            for (int p = 0; p < count; p++) {
                all.add(new TopicPartition(name, p));
            }
        });
        Map<TopicPartition, Long> latest = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, Long> earliest = offsets(all, OffsetSpec.earliest());
        Map<String, Map<String, Long>> lag = withLag ? lagByTopicAndGroup(latest) : Map.of();
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            long records = all.stream().filter(tp -> tp.topic().equals(name))
                    .mapToLong(tp -> latest.get(tp) - earliest.get(tp)).sum();
            rows.add(new Row(name, partitions.get(name), records, lag.getOrDefault(name, Map.of())));
        }
        return rows;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<String, Map<String, Long>> lagByTopicAndGroup(Map<TopicPartition, Long> latest) throws Exception {
        Map<String, Map<String, Long>> lag = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            committed.forEach((tp, offset) -> {
                if (offset != null && latest.containsKey(tp)) {
                    lag.computeIfAbsent(tp.topic(), t -> new LinkedHashMap<>())
                            .merge(group.groupId(), Math.max(0, latest.get(tp) - offset.offset()), Long::sum);
                }
            });
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
