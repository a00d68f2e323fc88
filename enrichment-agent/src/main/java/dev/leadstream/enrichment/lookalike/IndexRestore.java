package dev.leadstream.enrichment.lookalike;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoredLead;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Restores an empty lookalike index from the topics, before the agent enriches anything: every
 * scored lead and engagement its consumer group has already read (up to the group's committed
 * offsets) is embedded and stored again, and nothing is published. What the group has not read
 * yet it reads as usual. A new volume, a lost disk or a deleted index directory therefore costs
 * one replay at startup, never a lookalike.
 */
public final class IndexRestore {

    private static final Logger LOG = Logger.getLogger(IndexRestore.class);
    private static final int BATCH = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a restore did: how many leads and engagements it read back. */
    public record Result(boolean restored, int leads, int engagements, String reason) {
    }

    private final Map<String, Object> kafka;
    private final String groupId;
    private final String leadsTopic;
    private final String engagementTopic;
    private final Enricher enricher;
    private final VectorStore store;

    /** {@code kafka}: the address and sign-in settings its own admin and consumer start from. */
    public IndexRestore(Map<String, Object> kafka, String groupId, String leadsTopic, String engagementTopic,
                        Enricher enricher, VectorStore store) {
        this.kafka = Map.copyOf(kafka);
        this.groupId = groupId;
        this.leadsTopic = leadsTopic;
        this.engagementTopic = engagementTopic;
        this.enricher = enricher;
        this.store = store;
    }

    public Result restoreIfEmpty() {
        if (store.count() > 0) {
            return new Result(false, 0, 0, "the index holds " + store.count() + " leads");
        }
        Map<TopicPartition, Long> read = committedOffsets();
        if (read.keySet().stream().noneMatch(p -> p.topic().equals(leadsTopic))) {
            return new Result(false, 0, 0, "group " + groupId + " has read nothing yet");
        }
        Instant start = Instant.now();
        List<ScoredLead> batch = new ArrayList<>();
        int[] leads = {0};
        replay(leadsTopic, read, json -> {
            ScoredLead lead = EventJson.read(json, ScoredLead.class);
            if (lead != null && lead.leadId() != null && !lead.leadId().isBlank()) {
                batch.add(lead);
            }
            if (batch.size() == BATCH) {
                leads[0] += index(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            leads[0] += index(batch);
        }
        int[] engagements = {0};
        replay(engagementTopic, read, json -> {
            enricher.record(EventJson.read(json, Engagement.class));
            engagements[0]++;
        });
        store.flush();
        LOG.infof("restored the lookalike index from the topics: %d leads and %d engagements in %d ms", leads[0],
                engagements[0], Duration.between(start, Instant.now()).toMillis());
        return new Result(true, leads[0], engagements[0], "the index was empty");
    }

    /**
     * Indexes the batch, or lead by lead when the batch fails: a lead that fails alone was
     * dead-lettered when it was first read, and is skipped. Returns how many were indexed.
     */
    private int index(List<ScoredLead> batch) {
        try {
            enricher.index(batch);
            return batch.size();
        } catch (RuntimeException batchFailed) {
            int indexed = 0;
            for (ScoredLead lead : batch) {
                try {
                    enricher.index(List.of(lead));
                    indexed++;
                } catch (RuntimeException e) {
                    LOG.debugf("not restored, as it was not enriched when first read: %s", e.getClass().getSimpleName());
                }
            }
            return indexed;
        }
    }

    private Map<TopicPartition, Long> committedOffsets() {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && offset.offset() > 0) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + groupId + ": " + e.getMessage(), e);
        }
    }

    /** Hands every readable record of {@code topic} below the group's committed offsets to {@code each}. */
    private void replay(String topic, Map<TopicPartition, Long> read, Consumer<String> each) {
        Map<TopicPartition, Long> until = new HashMap<>();
        read.forEach((partition, offset) -> {
            if (partition.topic().equals(topic)) {
                until.put(partition, offset);
            }
        });
        if (until.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.putAll(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(until.keySet());
            consumer.seekToBeginning(until.keySet());
            Map<TopicPartition, Long> remaining = new HashMap<>(until);
            Instant lastProgress = Instant.now();
            while (!remaining.isEmpty()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    lastProgress = Instant.now();
                } else if (Instant.now().isAfter(lastProgress.plus(TIMEOUT))) {
                    LOG.warnf("%s: nothing more to read below the committed offsets after %s; restored what was read", topic, TIMEOUT);
                    return;
                }
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = until.get(partition);
                    if (end != null && record.offset() < end && record.value() != null) {
                        try {
                            each.accept(record.value());
                        } catch (RuntimeException e) {
                            // not a record the agent could use: it went to the dead-letter topic when first read
                        }
                    }
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
    }
}
