package dev.leadstream.scoring;

import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.streams.ScoringTopology;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.event.Provenance;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestInputTopic<String, ScoringModel> models;
    private TestOutputTopic<String, ScoredLead> scored;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(ScoringTopology.build(new LeadScorer(Leads.PRIOR, 0.5, "default")), props);
        raw = driver.createInputTopic(Topics.RAW_LEADS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        models = driver.createInputTopic(Topics.SCORING_MODEL.name(), Serdes.String().serializer(),
                Topics.SCORING_MODEL.valueSerde().serializer());
        scored = driver.createOutputTopic(Topics.SCORED_LEADS.name(), Serdes.String().deserializer(),
                Topics.SCORED_LEADS.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.RAW_LEADS.dlq(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void twoPagesOfOneBusinessMergeIntoOneLeadWithBothPagesEvidence() {
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));
        send(Leads.page("rose.test", "https://rose.test/contact", null, "hello@rose.test", "+441130000001"));

        Map<String, ScoredLead> table = scored.readKeyValuesToMap();
        assertThat(table).containsOnlyKeys("rose.test");
        ScoredLead lead = table.get("rose.test");
        assertThat(lead.name()).isEqualTo("Rose Bakery");
        assertThat(lead.emails()).containsExactly("hello@rose.test");
        assertThat(lead.phones()).containsExactly("+441130000001");
        assertThat(lead.sourceUrls()).containsExactly("https://rose.test/", "https://rose.test/contact");
    }

    @Test
    void everyPointOfTheScoreIsExplained() {
        send(Leads.page("oak.test", "https://oak.test/", "Oak Dental", "info@oak.test", null));
        ScoredLead lead = scored.readValue();

        double explained = lead.explanation().stream().mapToDouble(ScoredLead.FeatureContribution::points).sum();
        double possible = lead.explanation().stream().mapToDouble(ScoredLead.FeatureContribution::weight).sum();
        assertThat(lead.score()).isEqualTo((int) Math.round(100 * explained / possible));
        // name 10 + email 30 + https 5 + json-ld 10 = 55 of 100
        assertThat(lead.score()).isEqualTo(55);
        assertThat(lead.tier()).isEqualTo("B");
        assertThat(lead.explanation()).filteredOn(c -> c.feature().equals("has_phone"))
                .singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("no phone number found"));
        assertThat(lead.modelVersion()).isEqualTo(LeadScorer.PRIOR_VERSION);
    }

    @Test
    void aLearnedModelChangesTheWeightsAndNamesItsVersion() {
        models.pipeInput("default", new ScoringModel("default", "learned-7", Map.of("has_email", 90.0), 40,
                Instant.now(), Provenance.of("feedback-stream", "1", null)));
        send(Leads.page("oak.test", "https://oak.test/", "Oak Dental", "info@oak.test", null));
        ScoredLead lead = scored.readValue();

        assertThat(lead.modelVersion()).isEqualTo("learned-7");
        assertThat(lead.explanation()).filteredOn(c -> c.feature().equals("has_email"))
                .singleElement().satisfies(c -> assertThat(c.weight()).isEqualTo(60.0));
        assertThat(lead.score()).isGreaterThan(55);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheStreamFlowsOn() {
        raw.pipeInput("bad", "{oops".getBytes(StandardCharsets.UTF_8));
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{oops");
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).contains("not a valid RawLead");
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.RAW_LEADS.name());
        assertThat(scored.readKeyValuesToMap()).containsOnlyKeys("rose.test");
    }

    @Test
    void theOutputCarriesItsOwnCloudEventsType() {
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));
        TestRecord<String, ScoredLead> record = scored.readRecord();
        assertThat(CloudEvents.value(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.SCORED_LEADS.eventType());
        assertThat(List.of(record.headers().headers(CloudEvents.TYPE))).hasSize(1);
    }

    private void send(dev.leadstream.topics.event.RawLead lead) {
        TestRecord<String, byte[]> record = new TestRecord<>(lead.leadId(),
                Topics.RAW_LEADS.valueSerde().serializer().serialize(Topics.RAW_LEADS.name(), lead));
        CloudEvents.addTo(record.headers(), Topics.RAW_LEADS.eventType(), "/test");
        raw.pipeInput(record);
    }
}
