package dev.leadstream.feedback;

import dev.leadstream.feedback.model.WeightLearner;
import dev.leadstream.feedback.streams.FeedbackTopology;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoringModel;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackTopologyTest {

    static final Map<String, Double> PRIOR = Map.of("has_email", 30.0, "has_phone", 20.0);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> engagement;
    private TestOutputTopic<String, ScoringModel> models;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "feedback-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(FeedbackTopology.build(new WeightLearner(PRIOR), "default"), props);
        engagement = driver.createInputTopic(Topics.ENGAGEMENT.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        models = driver.createOutputTopic(Topics.SCORING_MODEL.name(), Serdes.String().deserializer(),
                Topics.SCORING_MODEL.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.ENGAGEMENT.dlq(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void repliesRaiseTheEmailWeightOfTheSegmentsModel() {
        for (int i = 0; i < 10; i++) {
            send(signal("lead" + i + ".test", Engagement.SENT, null));
            send(signal("lead" + i + ".test", Engagement.REPLIED, null));
        }
        Map<String, ScoringModel> latest = models.readKeyValuesToMap();
        ScoringModel model = latest.get("default");
        assertThat(model.observations()).isEqualTo(20);
        assertThat(model.weights().get("has_email")).isGreaterThan(30.0);
        assertThat(model.weights().get("has_phone")).isEqualTo(20.0);
    }

    @Test
    void bouncesLowerItAndSegmentsLearnApart() {
        for (int i = 0; i < 10; i++) {
            send(signal("lead" + i + ".test", Engagement.SENT, "dentists"));
            send(signal("lead" + i + ".test", Engagement.BOUNCED, "dentists"));
        }
        send(signal("x.test", Engagement.SENT, "bakeries"));
        Map<String, ScoringModel> latest = models.readKeyValuesToMap();
        assertThat(latest.get("dentists").weights().get("has_email")).isLessThan(30.0);
        assertThat(latest.get("bakeries").observations()).isEqualTo(1);
    }

    @Test
    void anUnknownSignalGoesToTheDeadLetterTopic() {
        engagement.pipeInput("lead.test", "{\"eventId\":\"1\",\"leadId\":\"lead.test\",\"type\":\"liked\"}".getBytes(StandardCharsets.UTF_8));
        var dead = dlq.readRecord();
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).contains("unknown engagement type liked");
        assertThat(models.isEmpty()).isTrue();
    }

    private void send(Engagement e) {
        engagement.pipeInput(e.leadId(), Topics.ENGAGEMENT.valueSerde().serializer().serialize("engagement", e));
    }

    static Engagement signal(String leadId, String type, String segment) {
        return new Engagement(UUID.randomUUID().toString(), leadId, type, "email", "d-" + leadId, segment, "v1", null,
                Instant.now(), Provenance.of("test", "1", null));
    }
}
