package dev.leadstream.feedback;

import dev.leadstream.feedback.model.EngagementTally;
import dev.leadstream.feedback.model.WeightLearner;
import dev.leadstream.feedback.streams.FeedbackTopology;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.streams.DeadLetterProcessingHandler;
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
        start(new WeightLearner(PRIOR));
    }

    private void start(WeightLearner learner) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "feedback-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // as application.properties configures the app
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(DeadLetterProcessingHandler.AGENT_CONFIG, "feedback-stream");
        props.put(DeadLetterProcessingHandler.FALLBACK_TOPIC_CONFIG, Topics.ENGAGEMENT.dlq());
        driver = new TopologyTestDriver(FeedbackTopology.build(learner, "default"), props);
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

    @Test
    void signalsWithoutALeadOrTypeOrKeyAreDeadLetteredEachOnce() {
        engagement.pipeInput("z.test", Topics.ENGAGEMENT.valueSerde().serializer().serialize("engagement",
                signal(" ", Engagement.SENT, "bakeries")));
        engagement.pipeInput("a.test", Topics.ENGAGEMENT.valueSerde().serializer().serialize("engagement",
                signal("a.test", null, "bakeries")));
        engagement.pipeInput(null, Topics.ENGAGEMENT.valueSerde().serializer().serialize("engagement",
                signal("b.test", Engagement.SENT, "bakeries")));
        engagement.pipeInput("c.test", "null".getBytes(StandardCharsets.UTF_8));

        assertThat(dlq.readRecordsToList()).extracting(r -> CloudEvents.value(r.headers(), DeadLetters.REASON))
                .containsExactly("leadId is blank", "type is missing", "record without a key",
                        "value is JSON null");
        assertThat(models.isEmpty()).isTrue();
    }

    @Test
    void aLearnerBugDeadLettersTheSignalOnceAndTheNextSignalIsLearned() {
        driver.close();
        start(new WeightLearner(PRIOR) {
            @Override
            public ScoringModel learn(String segment, EngagementTally tally) {
                if (segment.equals("broken")) {
                    throw new ArithmeticException("learner bug on purpose");
                }
                return super.learn(segment, tally);
            }
        });
        Engagement poisoned = signal("bug.test", Engagement.SENT, "broken");
        send(poisoned);
        send(signal("ok.test", Engagement.SENT, "bakeries"));

        var dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(CloudEvents.value(dead.get(0).headers(), DeadLetters.REASON)).isEqualTo("learner bug on purpose");
        assertThat(CloudEvents.value(dead.get(0).headers(), DeadLetters.AGENT)).isEqualTo("feedback-stream");
        // read back from the repartition topic: the signal itself, keyed by its segment
        assertThat(dead.get(0).key()).isEqualTo("broken");
        assertThat(Topics.ENGAGEMENT.valueSerde().deserializer().deserialize("engagement", dead.get(0).value()).eventId())
                .isEqualTo(poisoned.eventId());
        assertThat(models.readKeyValuesToMap()).containsOnlyKeys("bakeries");
    }

    private void send(Engagement e) {
        engagement.pipeInput(e.leadId(), Topics.ENGAGEMENT.valueSerde().serializer().serialize("engagement", e));
    }

    static Engagement signal(String leadId, String type, String segment) {
        return new Engagement(UUID.randomUUID().toString(), leadId, type, "email", "d-" + leadId, segment, "v1", null,
                Instant.now(), Provenance.of("test", "1", null));
    }
}
