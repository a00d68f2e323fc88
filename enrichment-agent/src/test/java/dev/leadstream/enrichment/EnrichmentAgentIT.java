package dev.leadstream.enrichment;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topics;
import dev.leadstream.enrichment.lookalike.LookalikesTest;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EnrichmentAgentIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    private EnrichedLead awaitEnriched(String leadId, Predicate<EnrichedLead> until) {
        List<EnrichedLead> enriched = probe.values(Topics.ENRICHED_LEADS, probe.readUntil(Topics.ENRICHED_LEADS.name(),
                Duration.ofSeconds(60), rs -> probe.values(Topics.ENRICHED_LEADS, rs).stream()
                        .anyMatch(e -> e.leadId().equals(leadId) && until.test(e))));
        return enriched.stream().filter(e -> e.leadId().equals(leadId) && until.test(e)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void whenALeadRepliesTheLeadsThatResembleItAreEnrichedAgainNamingItAsTheirLookalike() {
        String run = Long.toString(System.nanoTime());
        ScoredLead crust = LookalikesTest.crustBakery("crust-" + run + ".test");
        ScoredLead rose = LookalikesTest.roseBakery("rose-" + run + ".test");
        ScoredLead smile = LookalikesTest.smileDentalClinic("smile-" + run + ".test");
        for (ScoredLead lead : List.of(crust, rose, smile)) {
            probe.send(Topics.SCORED_LEADS, lead.leadId(), lead);
        }
        EnrichedLead before = awaitEnriched(rose.leadId(), e -> true);
        assertThat(before.signals()).noneMatch(s -> s.name().equals("similar_to"));
        awaitEnriched(smile.leadId(), e -> true);

        probe.send(Topics.ENGAGEMENT, crust.leadId(), new Engagement("reply-" + run, crust.leadId(), Engagement.REPLIED, "email",
                "draft-1", "default", "a", null, Instant.parse("2026-11-20T10:00:00Z"), Provenance.of("test", "1", null)));

        EnrichedLead after = awaitEnriched(rose.leadId(), e -> e.signals().stream().anyMatch(s -> s.name().equals("similar_to")));
        assertThat(after.signals()).filteredOn(s -> s.name().equals("similar_to")).singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo(crust.leadId());
                    assertThat(s.evidence()).contains("replied on 2026-11-20", "same sector (bakery)");
                });
        assertThat(after.signals()).extracting(Signal::kind).contains("trend", "lookalike");
    }

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
        assertThat(lead.signals()).extracting(Signal::kind).contains("trend", "lookalike");

        List<ConsumerRecord<byte[], byte[]>> dead = probe.readUntil(Topics.SCORED_LEADS.dlq(), Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(leadId)));
        assertThat(dead).anySatisfy(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(leadId);
            assertThat(CloudEvents.value(r.headers(), "dead-letter-reason")).contains("not a valid ScoredLead");
        });
    }
}
