package dev.leadstream.feedback;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated poison on the real broker, exactly-once: each bad signal is dead-lettered once and learning goes on. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class FeedbackStreamPoisonIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    KafkaStreams streams;

    @Test
    void eachPoisonSignalIsDeadLetteredOnceAndTheValidSignalAfterThemIsLearned() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String run = Long.toString(System.nanoTime());
        String segment = "fuzz-" + run;
        Engagement valid = FeedbackTopologyTest.signal("fuzz-" + run + ".test", Engagement.SENT, segment);
        List<PoisonRecords.Poison> poison = PoisonRecords.against(valid.leadId(), EventJson.toJson(valid),
                List.of("leadId", "type"), run.hashCode());

        DeadLetterFuzz feed = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());
        List<DeadLetterFuzz.Landed> sent = feed.feed(Topics.ENGAGEMENT.name(), Topics.ENGAGEMENT.eventType(), poison);
        probe.send(Topics.ENGAGEMENT, valid.leadId(), valid);

        var models = probe.values(Topics.SCORING_MODEL, probe.readUntil(Topics.SCORING_MODEL.name(), WAIT,
                rs -> probe.values(Topics.SCORING_MODEL, rs).stream().anyMatch(m -> m.segment().equals(segment))));
        // the poison copies of the valid signal were refused, so the segment saw exactly one signal
        assertThat(models).filteredOn(m -> m.segment().equals(segment)).allSatisfy(m -> assertThat(m.observations()).isEqualTo(1));
        feed.assertEachDeadLetteredOnce("feedback-stream", sent, WAIT);
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}
