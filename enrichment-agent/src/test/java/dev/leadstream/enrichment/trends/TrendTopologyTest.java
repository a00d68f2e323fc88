package dev.leadstream.enrichment.trends;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.streams.DeadLetterProcessingHandler;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend topology on the Streams test driver: hopping windows, baseline, significance. */
class TrendTopologyTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    private final Momentum momentum = new Momentum(HOUR, Duration.ofMinutes(30), 4, 3, 2.0);
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> scored;
    private TestOutputTopic<String, String> dlq;
    private int seq;

    @BeforeEach
    void start() {
        start(momentum);
    }

    private void start(Momentum momentum) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trend-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // as application.properties configures the app
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(DeadLetterProcessingHandler.AGENT_CONFIG, TrendTopology.AGENT);
        props.put(DeadLetterProcessingHandler.FALLBACK_TOPIC_CONFIG, Topics.SCORED_LEADS.dlq());
        driver = new TopologyTestDriver(TrendTopology.build("boards", momentum, HOUR, Duration.ofMinutes(30)), props);
        scored = driver.createInputTopic("scored-leads", new StringSerializer(), new StringSerializer());
        dlq = driver.createOutputTopic(Topics.SCORED_LEADS.dlq(), new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** A bakery in Leeds, West Yorkshire, scored with the given model version. */
    private static ScoredLead bakery(String id, String description, String modelVersion) {
        return new ScoredLead(id, "Lead " + id, null, List.of(), List.of(), null, description, List.of(), List.of("Bakery"),
                List.of(), "default", 50, "B", List.of(), modelVersion, Provenance.of("test", "1", null), "bakery",
                new ScoredLead.Location(null, null, "Leeds", "West Yorkshire", "GB"), null, null, null, null, null, null, null, null,
                null, null);
    }

    private void lead(String description, Instant at) {
        String id = "lead-" + (seq++) + ".test";
        scored.pipeInput(id, EventJson.toJson(bakery(id, description, "prior-v1")), at);
    }

    private List<Signal> trendsOf(String description) {
        KeyValueStore<String, TrendBoard> boards = driver.getKeyValueStore(TrendTopology.BOARD_STORE);
        return new TrendSignals(key -> Optional.ofNullable(boards.get(key)), momentum)
                .of(bakery("probe.test", description, "prior-v1"));
    }

    @Test
    void aTermMentionedFarMoreThanItsBaselineRisesAndOneThatFadesFalls() {
        // five quiet hours: "wholesale" steady at 3 an hour, "sourdough" barely mentioned
        for (int hour = 0; hour < 5; hour++) {
            for (int i = 0; i < 3; i++) {
                lead("wholesale bread", START.plus(Duration.ofHours(hour)).plusSeconds(60L * i));
            }
        }
        lead("sourdough", START.plus(Duration.ofHours(2)));
        // the newest hour: sourdough everywhere, wholesale gone
        for (int i = 0; i < 9; i++) {
            lead("sourdough loaves", START.plus(Duration.ofHours(5)).plusSeconds(60L * i));
        }

        List<Signal> signals = trendsOf("sourdough");
        assertThat(signals).filteredOn(s -> s.name().equals("rising")).extracting(Signal::value).contains("sourdough", "loaves");
        Signal sourdough = signals.stream().filter(s -> s.value().equals("sourdough")).findFirst().orElseThrow();
        assertThat(sourdough.evidence()).contains("9 new leads in bakery × west yorkshire", "2026-11-20T05:00:00Z", "score");
        assertThat(signals).filteredOn(s -> s.name().equals("falling")).extracting(Signal::value).contains("wholesale", "bread");
        assertThat(signals).extracting(Signal::value).doesNotContain(TrendTerms.LEADS);
    }

    @Test
    void twoMentionsDoNotMakeATrendAndAReScoredLeadIsCountedOnce() {
        lead("sourdough", START);
        lead("sourdough", START.plusSeconds(60));
        String id = "lead-0.test";
        // lead-0 scored again, many times: still one lead
        for (int i = 0; i < 5; i++) {
            scored.pipeInput(id, EventJson.toJson(bakery(id, "sourdough", "prior-v2")), START.plusSeconds(120 + i));
        }
        scored.pipeInput("broken", "{not json", START.plusSeconds(200));
        assertThat(dlq.readRecordsToList()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(CloudEvents.value(dead.headers(), DeadLetters.AGENT)).isEqualTo(TrendTopology.AGENT);
        });

        List<Signal> signals = trendsOf("sourdough");
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("steady");
            assertThat(s.evidence()).startsWith("2 new leads in bakery × west yorkshire");
        });
    }

    @Test
    void aBugInTheBoardStepDeadLettersWhatItFailedOnOnceAndTheNextLeadIsCounted() {
        driver.close();
        start(new Momentum(HOUR, Duration.ofMinutes(30), 4, 3, 2.0) {
            private boolean failed;

            @Override
            public long keepFrom(long latestWindow) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("momentum bug on purpose");
                }
                return super.keepFrom(latestWindow);
            }
        });
        lead("sourdough", START);
        lead("sourdough", START.plusSeconds(60));

        List<TestRecord<String, String>> dead = dlq.readRecordsToList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(CloudEvents.value(d.headers(), DeadLetters.REASON)).isEqualTo("momentum bug on purpose");
            assertThat(CloudEvents.value(d.headers(), DeadLetters.AGENT)).isEqualTo(TrendTopology.AGENT);
            assertThat(CloudEvents.value(d.headers(), DeadLetters.SOURCE_TOPIC)).endsWith("trend-boards-repartition");
        });
        assertThat(driver.<String, TrendBoard>getKeyValueStore(TrendTopology.BOARD_STORE).get(TrendTerms.boardKey(bakery("probe.test", "sourdough", "prior-v1")))).isNotNull();
    }

    @Test
    void aSectorAndRegionWithNoLeadsYetSaysSo() {
        assertThat(trendsOf("anything")).singleElement().satisfies(s ->
                assertThat(s.evidence()).isEqualTo("no new leads counted yet in bakery × west yorkshire"));
    }
}
