package dev.leadstream.feedback;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class FeedbackStreamIT {

    @Test
    void engagementOnTheRealBrokerPublishesAScoringModel() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String segment = "it-" + System.nanoTime();
        probe.send(Topics.ENGAGEMENT, "a.test", FeedbackTopologyTest.signal("a.test", Engagement.SENT, segment));

        var models = probe.values(Topics.SCORING_MODEL, probe.readUntil(Topics.SCORING_MODEL.name(), Duration.ofSeconds(90),
                rs -> probe.values(Topics.SCORING_MODEL, rs).stream().anyMatch(m -> m.segment().equals(segment))));
        assertThat(models).anySatisfy(m -> {
            assertThat(m.segment()).isEqualTo(segment);
            assertThat(m.observations()).isEqualTo(1);
            assertThat(m.weights()).containsKey("has_email");
        });
    }
}
