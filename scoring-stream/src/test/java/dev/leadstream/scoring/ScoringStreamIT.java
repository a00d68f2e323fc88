package dev.leadstream.scoring;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Streams app, exactly-once, on the real broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ScoringStreamIT {

    @Test
    void aRawLeadComesOutScored() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String leadId = "it-" + System.nanoTime() + ".test";
        probe.send(Topics.RAW_LEADS, leadId, Leads.page(leadId, "https://" + leadId + "/", "Maple Books", "hi@" + leadId, null));

        List<ScoredLead> scored = probe.values(Topics.SCORED_LEADS, probe.readUntil(Topics.SCORED_LEADS.name(),
                Duration.ofSeconds(90), rs -> probe.values(Topics.SCORED_LEADS, rs).stream().anyMatch(l -> l.leadId().equals(leadId))));
        ScoredLead lead = scored.stream().filter(l -> l.leadId().equals(leadId)).findFirst().orElseThrow();
        assertThat(lead.name()).isEqualTo("Maple Books");
        assertThat(lead.score()).isBetween(1, 100);
        assertThat(lead.explanation()).isNotEmpty();
    }
}
