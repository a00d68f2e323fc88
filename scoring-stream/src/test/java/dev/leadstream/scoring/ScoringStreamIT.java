package dev.leadstream.scoring;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Streams app, exactly-once, on the real broker, configured by application.properties. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ScoringStreamIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void twoPagesBecomeOneScoredLeadAndANewModelReScoresIt() {
        String leadId = "it-" + System.nanoTime() + ".test";
        probe.send(Topics.RAW_LEADS, leadId, Leads.page(leadId, "https://" + leadId + "/", "Maple Books", null, null));
        probe.send(Topics.RAW_LEADS, leadId, Leads.page(leadId, "https://" + leadId + "/contact", null, "hi@" + leadId, "+441134960777"));

        ScoredLead merged = awaitLead(leadId, l -> l.sourceUrls().size() == 2);
        assertThat(merged.name()).isEqualTo("Maple Books");
        assertThat(merged.emails()).containsExactly("hi@" + leadId);
        assertThat(merged.phones()).containsExactly("+441134960777");
        assertThat(merged.segment()).isEqualTo("default");
        assertThat(merged.score()).isBetween(1, 100);
        assertThat(merged.explanation()).isNotEmpty();

        String version = "it-model-" + System.nanoTime();
        probe.send(Topics.SCORING_MODEL, "default", new ScoringModel("default", version, Map.of("has_phone", 100.0), 12,
                Instant.now(), Provenance.of("test", "1", null)));

        ScoredLead rescored = awaitLead(leadId, l -> l.modelVersion().equals(version));
        assertThat(rescored.score()).isGreaterThan(merged.score());
    }

    private ScoredLead awaitLead(String leadId, Predicate<ScoredLead> condition) {
        Predicate<ScoredLead> wanted = l -> l.leadId().equals(leadId) && condition.test(l);
        List<ScoredLead> scored = probe.values(Topics.SCORED_LEADS, probe.readUntil(Topics.SCORED_LEADS.name(),
                Duration.ofSeconds(90), rs -> probe.values(Topics.SCORED_LEADS, rs).stream().anyMatch(wanted)));
        return scored.stream().filter(wanted).findFirst().orElseThrow();
    }
}
