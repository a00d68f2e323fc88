package dev.leadstream.scoring;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated poison on the real broker, exactly-once: each bad record is dead-lettered once and the stream goes on. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ScoringStreamPoisonIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Inject
    KafkaStreams streams;

    @Test
    void eachPoisonRecordIsDeadLetteredOnceAndTheValidLeadAfterThemIsScored() {
        String run = Long.toString(System.nanoTime());
        String validId = "fuzz-" + run + ".test";
        RawLead valid = Leads.page(validId, "https://" + validId + "/", "Fuzz Bakery", "hi@" + validId, null);
        List<PoisonRecords.Poison> poison = new ArrayList<>(PoisonRecords.against(validId, EventJson.toJson(valid),
                List.of("leadId"), run.hashCode()));
        // valid on its own, but merged with the first page its state would outgrow the broker's record limit
        String growing = "grow-" + run + ".test";
        probe.send(Topics.RAW_LEADS, growing, Leads.lead(growing).description("a".repeat(250_000)).build());
        poison.add(new PoisonRecords.Poison("state-past-the-limit", growing,
                EventJson.toBytes(Leads.lead(growing).page("https://" + growing + "/b").description("b".repeat(250_000)).build())));

        DeadLetterFuzz feed = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());
        List<DeadLetterFuzz.Landed> sent = feed.feed(Topics.RAW_LEADS.name(), Topics.RAW_LEADS.eventType(), poison);
        probe.send(Topics.RAW_LEADS, validId, valid);

        // the valid lead, and the growing one as its first page left it
        probe.readUntil(Topics.SCORED_LEADS.name(), WAIT, rs -> probe.values(Topics.SCORED_LEADS, rs).stream()
                .map(ScoredLead::leadId).filter(id -> id.equals(validId) || id.equals(growing)).distinct().count() == 2);
        feed.assertEachDeadLetteredOnce("scoring-stream", sent, WAIT);
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        List<ConsumerRecord<byte[], byte[]>> dlq = probe.readFor(Topics.RAW_LEADS.dlq(), Duration.ofSeconds(1));
        assertThat(dlq).filteredOn(r -> growing.equals(key(r)))
                .singleElement().satisfies(r -> assertThat(CloudEvents.value(r.headers(), DeadLetters.REASON))
                        .contains("merged-leads state of").contains("larger than"));
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
