package dev.leadstream.enrichment.trends;

import dev.leadstream.enrichment.config.EnrichmentConfig;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated poison on the real broker, exactly-once: the trend stream dead-letters each bad lead once and counts on. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class TrendStreamPoisonIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    KafkaStreams streams;

    @Inject
    EnrichmentConfig config;

    @Test
    void eachPoisonLeadIsDeadLetteredOnceByTheTrendStreamAndTheValidLeadIsCounted() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String run = Long.toString(System.nanoTime());
        // a sector of its own, so its board is this run's
        String sector = "fuzzbakery" + run;
        ScoredLead valid = new ScoredLead("fuzz-" + run + ".test", "Fuzz Bakery", null, List.of(), List.of(), null,
                "sourdough loaves", List.of(), List.of("Bakery"), List.of(), "default", 50, "B", List.of(), "prior-v1",
                Provenance.of("test", "1", null), sector, new ScoredLead.Location(null, null, "Leeds", "West Yorkshire", "GB"),
                null, null, null, null, null, null, null, null, null, null);
        List<PoisonRecords.Poison> poison = PoisonRecords.against(valid.leadId(), EventJson.toJson(valid),
                List.of("leadId"), run.hashCode());

        DeadLetterFuzz feed = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());
        List<DeadLetterFuzz.Landed> sent = feed.feed(Topics.SCORED_LEADS.name(), Topics.SCORED_LEADS.eventType(), poison);
        // scored-leads is compacted: the broker refuses the record without a key, and nothing else
        assertThat(sent).hasSize(poison.size() - 1);
        probe.send(Topics.SCORED_LEADS, valid.leadId(), valid);

        String board = TrendTerms.boardKey(valid);
        probe.readUntil(config.trends().boardsTopic(), WAIT, rs -> rs.stream()
                .anyMatch(r -> r.key() != null && board.equals(new String(r.key(), StandardCharsets.UTF_8))));
        feed.assertEachDeadLetteredOnce(TrendTopology.AGENT, sent, WAIT);
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}
