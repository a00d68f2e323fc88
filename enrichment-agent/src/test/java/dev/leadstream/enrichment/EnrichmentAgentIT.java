package dev.leadstream.enrichment;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.enrichment.lookalike.LookalikesTest;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
    private final DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());

    @TestHTTPResource("/q/health/ready")
    URI ready;

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
                rs -> rs.stream().anyMatch(r -> text(r).contains(leadId)));
        assertThat(dead).anySatisfy(r -> {
            assertThat(text(r)).contains(leadId);
            assertThat(CloudEvents.value(r.headers(), "dead-letter-reason")).contains("not a valid ScoredLead");
        });
    }

    @Test
    void aLeadWithNothingToEmbedIsDeadLetteredOnceAndTheNextLeadIsEnriched() {
        // a lead scored from a page that said nothing: its profile text is empty and the embedder refuses it
        String empty = "empty-" + System.nanoTime() + ".test";
        String next = "after-empty-" + System.nanoTime() + ".test";
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.SCORED_LEADS.name(), Topics.SCORED_LEADS.eventType(),
                List.of(new PoisonRecords.Poison("empty-profile", empty,
                        ("{\"leadId\":\"" + empty + "\",\"score\":5,\"tier\":\"D\"}").getBytes(StandardCharsets.UTF_8))));
        probe.send(Topics.SCORED_LEADS, next, ScoredLeadSamples.lead(next, "https://" + next + "/", List.of("info@" + next)));

        awaitEnriched(next, e -> true);
        fuzz.assertEachDeadLetteredOnce("enrichment-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }

    @Test
    void poisonOnScoredLeadsIsDeadLetteredOnceByThisAgentAndTheNextLeadIsEnriched() {
        String leadId = "fuzz-" + System.nanoTime() + ".test";
        ScoredLead valid = ScoredLeadSamples.lead(leadId, "https://" + leadId + "/", List.of("info@" + leadId));
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.SCORED_LEADS.name(), Topics.SCORED_LEADS.eventType(),
                PoisonRecords.against(leadId, EventJson.toJson(valid), List.of("leadId"), 14L));
        probe.send(Topics.SCORED_LEADS, leadId, valid);

        awaitEnriched(leadId, e -> true);
        fuzz.assertEachDeadLetteredOnce("enrichment-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }

    @Test
    void poisonOnEngagementIsDeadLetteredOnceByThisAgentAndTheNextEngagementMarksItsLead() {
        String leadId = "engaged-" + System.nanoTime() + ".test";
        // unlike every other lead of this class, so its engagement makes it no one else's lookalike
        probe.send(Topics.SCORED_LEADS, leadId, LookalikesTest.lead(leadId, "Skerry Ferries", "boat-tours", "Ferry operator",
                "Oban", "Sailings to the isles and wildlife cruises"));
        awaitEnriched(leadId, e -> true);
        Engagement valid = new Engagement("open-" + leadId, leadId, Engagement.OPENED, "email", "draft-1", "default", "a",
                null, Instant.parse("2026-11-21T10:00:00Z"), Provenance.of("test", "1", null));
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.ENGAGEMENT.name(), Topics.ENGAGEMENT.eventType(),
                PoisonRecords.against(leadId, EventJson.toJson(valid), List.of("eventId", "leadId", "type"), 14L));
        probe.send(Topics.ENGAGEMENT, leadId, valid);

        awaitEnriched(leadId, e -> e.signals().stream().anyMatch(s -> s.name().equals("engaged")));
        fuzz.assertEachDeadLetteredOnce("enrichment-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }

    /** The record's value as text; a dead letter of a record without a value has none. */
    private static String text(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }
}
