package dev.leadstream.enrichment.lookalike;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.enrichment.signals.Fingerprints;
import dev.leadstream.enrichment.signals.LeadSignals;
import dev.leadstream.enrichment.trends.Momentum;
import dev.leadstream.enrichment.trends.TrendSignals;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real broker, real model, Lucene on disk: an empty index is restored from what the agent's
 * consumer group has already read of scored-leads and engagement, and from nothing more.
 */
class IndexRestoreIT {

    private static final Map<String, Object> KAFKA = SharedInfra.kafka().adminClient();
    private static Embedder embedder;
    private final String run = Long.toString(System.nanoTime());
    private final String leadsTopic = "restore-leads-" + run;
    private final String engagementTopic = "restore-engagement-" + run;
    private final String group = "restore-group-" + run;
    private final TopicProbe probe = new TopicProbe(KAFKA);

    @BeforeAll
    static void loadModel() {
        embedder = new Embedder(1);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void anEmptyIndexIsRestoredUpToTheGroupsCommittedOffsetsWithTheEngagementsItHadRead(@TempDir Path dir) throws Exception {
        ScoredLead crust = LookalikesTest.crustBakery("crust-" + run + ".test");
        ScoredLead rose = LookalikesTest.roseBakery("rose-" + run + ".test");
        ScoredLead smile = LookalikesTest.smileDentalClinic("smile-" + run + ".test");
        ScoredLead late = LookalikesTest.lead("late-" + run + ".test", "Late Bakery", "bakery", "Bakery", "Leeds", "Bread");
        try (Admin admin = Admin.create(KAFKA)) {
            admin.createTopics(List.of(new NewTopic(leadsTopic, 2, (short) 1), new NewTopic(engagementTopic, 2, (short) 1))).all().get();
            for (ScoredLead lead : List.of(crust, rose, smile)) {
                probe.sendRaw(leadsTopic, lead.leadId(), EventJson.toBytes(lead), "lead.scored");
            }
            probe.sendRaw(leadsTopic, "broken", "[not a lead".getBytes(StandardCharsets.UTF_8), "lead.scored");
            probe.sendRaw(leadsTopic, "null", "null".getBytes(StandardCharsets.UTF_8), "lead.scored");
            // nothing to embed: dead-lettered when first read, and no reason to give up the rest of the restore
            String empty = "empty-" + run + ".test";
            probe.sendRaw(leadsTopic, empty, ("{\"leadId\":\"" + empty + "\",\"score\":5,\"tier\":\"D\"}")
                    .getBytes(StandardCharsets.UTF_8), "lead.scored");
            probe.sendRaw(engagementTopic, crust.leadId(), EventJson.toBytes(new Engagement("e-" + run, crust.leadId(),
                    Engagement.REPLIED, "email", "d-1", "default", "v1", null, Instant.parse("2026-11-20T10:00:00Z"),
                    Provenance.of("test", "1", null))), "engagement.replied");
            commitEverythingSoFar(admin);
            // read by nobody yet: the group's consumers will enrich it as usual
            probe.sendRaw(leadsTopic, late.leadId(), EventJson.toBytes(late), "lead.scored");

            try (VectorStore store = new LuceneVectorStore(dir)) {
                IndexRestore restore = new IndexRestore(KAFKA, group, leadsTopic, engagementTopic, enricher(store), store);
                IndexRestore.Result result = restore.restoreIfEmpty();

                assertThat(result.restored()).isTrue();
                assertThat(result.leads()).isEqualTo(3);
                assertThat(result.engagements()).isEqualTo(1);
                assertThat(store.count()).isEqualTo(3);
                assertThat(store.get(late.leadId())).isEmpty();
                assertThat(store.get(crust.leadId()).orElseThrow().payload()).containsEntry("engaged", "true")
                        .containsEntry("outcome", "replied");
                assertThat(store.get(rose.leadId()).orElseThrow().payload()).containsEntry("engaged", "false");

                // a second start finds the index full and reads nothing
                assertThat(restore.restoreIfEmpty().restored()).isFalse();
            }
        }
    }

    @Test
    void aGroupThatHasReadNothingHasNothingToRestore(@TempDir Path dir) {
        try (VectorStore store = new LuceneVectorStore(dir)) {
            IndexRestore.Result result = new IndexRestore(KAFKA, "never-read-" + run, leadsTopic, engagementTopic,
                    enricher(store), store).restoreIfEmpty();
            assertThat(result.restored()).isFalse();
            assertThat(result.reason()).contains("has read nothing");
            assertThat(store.count()).isZero();
        }
    }

    private void commitEverythingSoFar(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(leadsTopic, engagementTopic)) {
            for (int partition = 0; partition < 2; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
        admin.alterConsumerGroupOffsets(group, ends).all().get();
    }

    private static Enricher enricher(VectorStore store) {
        return new Enricher(new LeadSignals(Fingerprints.builtInAnd(Optional.empty())),
                new TrendSignals(key -> Optional.empty(), new Momentum(Duration.ofHours(1), Duration.ofMinutes(15), 8, 3, 2.0),
                        Optional.empty()),
                embedder, store, new Lookalikes(store, 0.6, 3), 25);
    }
}
