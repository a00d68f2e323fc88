package dev.leadstream.hitl;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projector on the real broker and database, fed generated poison on every topic it reads:
 * each poison record goes to its topic's DLQ once, naming hitl-api, and the valid record after
 * it reaches its table.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ReadModelProjectorIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
    private final DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void poisonOnEveryProjectedTopicIsDeadLetteredOnceAndTheNextRecordIsProjected() {
        String run = Long.toString(System.nanoTime());
        String leadId = "proj-" + run + ".test";
        ScoredLead lead = HitlApiIT.lead(leadId, 64);
        String enrichedId = "proj-enriched-" + run + ".test";
        EnrichedLead enriched = new EnrichedLead(enrichedId, HitlApiIT.lead(enrichedId, 65),
                List.of(new EnrichedLead.Signal("website", "https", "true", "https://" + enrichedId + "/")), Provenance.of("test", "1", null));
        Draft draft = new Draft("draft-" + run, leadId, 1, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email("owner@" + leadId, "Hello", "Hi there", null), List.of(), List.of(), List.of(),
                Provenance.of("test", "1", null), "default");
        Engagement engagement = new Engagement("open-" + run, leadId, Engagement.OPENED, "email", draft.draftId(), "default", "v1",
                null, Instant.now(), Provenance.of("test", "1", null));
        DiscoveryProgress progress = new DiscoveryProgress("req-" + run, DiscoveryProgress.RUNNING, 1, 0, 0, 0, 0, 0, 0,
                List.of(), Instant.now(), Instant.now());

        Map<String, List<DeadLetterFuzz.Landed>> landed = new LinkedHashMap<>();
        landed.put("scored-leads", feed(Topics.SCORED_LEADS, leadId, lead, List.of("leadId")));
        landed.put("enriched-leads", feed(Topics.ENRICHED_LEADS, enrichedId, enriched, List.of("leadId", "lead")));
        landed.put("drafts", feed(Topics.DRAFTS, leadId, draft, List.of("draftId", "leadId")));
        landed.put("engagement", feed(Topics.ENGAGEMENT, leadId, engagement, List.of("eventId", "leadId", "type")));
        landed.put("discovery-progress", feed(Topics.DISCOVERY_PROGRESS, progress.requestId(), progress,
                List.of("requestId", "state")));

        awaitOne("select count(*) from leads where lead_id = ?", leadId);
        awaitOne("select count(*) from leads where lead_id = ? and jsonb_array_length(signals) = 1", enrichedId);
        awaitOne("select count(*) from drafts where draft_id = ?", draft.draftId());
        awaitOne("select count(*) from engagement where event_id = ?", engagement.eventId());
        awaitOne("select count(*) from discovery_progress where request_id = ?", progress.requestId());
        landed.values().forEach(l -> fuzz.assertEachDeadLetteredOnce("hitl-api", l, Duration.ofSeconds(90)));
        DeadLetterFuzz.assertHealthy(ready);
        // analytics counts them against hitl-api, each with its reason
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from dead_letters where agent = 'hitl-api'"
                + " and source_topic = ? and reason is not null", "drafts") >= landed.get("drafts").size());
    }

    @Test
    void aLeadTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsPollIsProjected() {
        // PostgreSQL keeps no NUL character in text or jsonb: the upsert fails in the projector's own transaction
        String run = Long.toString(System.nanoTime());
        String refusedId = "nul-" + run + ".test";
        ScoredLead base = HitlApiIT.lead(refusedId, 60);
        ScoredLead refused = new ScoredLead(refusedId, "Rose\u0000Bakery", base.website(), base.emails(), base.phones(), null, null,
                List.of(), List.of(), base.sourceUrls(), "default", 60, "B", base.explanation(), "prior-v1", base.provenance(),
                null, null, null, null, null, null, null, null, null, null, null, null);
        String nextId = "after-nul-" + run + ".test";
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.SCORED_LEADS.name(), Topics.SCORED_LEADS.eventType(),
                List.of(new PoisonRecords.Poison("nul-in-name", refusedId, EventJson.toBytes(refused))));
        probe.send(Topics.SCORED_LEADS, nextId, HitlApiIT.lead(nextId, 61));

        awaitOne("select count(*) from leads where lead_id = ?", nextId);
        fuzz.assertEachDeadLetteredOnce("hitl-api", landed, Duration.ofSeconds(60));
        assertThat(count("select count(*) from leads where lead_id = ?", refusedId)).isZero();
        DeadLetterFuzz.assertHealthy(ready);
    }

    private <V> List<DeadLetterFuzz.Landed> feed(Topic<V> topic, String key, V valid, List<String> required) {
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(topic.name(), topic.eventType(),
                PoisonRecords.against(key, EventJson.toJson(valid), required, 14L));
        probe.send(topic, key, valid);
        return landed;
    }

    private static void awaitOne(String sql, String parameter) {
        await().atMost(Duration.ofSeconds(90)).until(() -> count(sql, parameter) == 1);
    }

    private static long count(String sql, String parameter) {
        try {
            return HitlApiIT.count(sql, parameter);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
