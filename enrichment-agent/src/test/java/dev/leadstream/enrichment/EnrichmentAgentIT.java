package dev.leadstream.enrichment;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.EnrichedLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EnrichmentAgentIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void aScoredLeadComesOutEnrichedAndABadOneGoesToTheDeadLetterTopic() {
        String leadId = "enrich-" + System.nanoTime() + ".test";
        probe.sendRaw(Topics.SCORED_LEADS.name(), "broken", ("[" + leadId).getBytes(StandardCharsets.UTF_8),
                Topics.SCORED_LEADS.eventType());
        probe.send(Topics.SCORED_LEADS, leadId, ScoredLeadSamples.lead(leadId, "https://" + leadId + "/", List.of("info@" + leadId)));

        List<EnrichedLead> enriched = probe.values(Topics.ENRICHED_LEADS, probe.readUntil(Topics.ENRICHED_LEADS.name(),
                Duration.ofSeconds(60), rs -> probe.values(Topics.ENRICHED_LEADS, rs).stream().anyMatch(e -> e.leadId().equals(leadId))));
        EnrichedLead lead = enriched.stream().filter(e -> e.leadId().equals(leadId)).findFirst().orElseThrow();
        assertThat(lead.signals()).anyMatch(s -> s.name().equals("https") && s.value().equals("true"));

        List<ConsumerRecord<byte[], byte[]>> dead = probe.readUntil(Topics.SCORED_LEADS.dlq(), Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(leadId)));
        assertThat(dead).anySatisfy(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(leadId);
            assertThat(CloudEvents.value(r.headers(), "dead-letter-reason")).contains("not a valid ScoredLead");
        });
    }
}
