package dev.leadstream.hitl;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The review API on the real broker and the real database. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class HitlApiIT {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void scoredLeadsAppearInTheTablePageByPage() {
        // a segment of its own: other tests' leads (in this class or another) do not take the top rows
        String prefix = "page" + System.nanoTime();
        probe.send(Topics.SCORED_LEADS, prefix + "-a.test", lead(prefix + "-a.test", 99, prefix));
        probe.send(Topics.SCORED_LEADS, prefix + "-b.test", lead(prefix + "-b.test", 98, prefix));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/leads/" + prefix + "-b.test").statusCode() == 200);

        String next = given().queryParam("segment", prefix).queryParam("limit", 1).get("/api/leads").then().statusCode(200)
                .body("items[0].leadId", equalTo(prefix + "-a.test")).extract().path("next");
        given().queryParam("segment", prefix).queryParam("limit", 1).queryParam("after", next).get("/api/leads").then().statusCode(200)
                .body("items[0].leadId", equalTo(prefix + "-b.test"))
                .body("items[0].lead.explanation[0].feature", equalTo("has_email"));
    }

    @Test
    void anUnreadableScoredLeadGoesToTheDlqWithItsReasonAndTheLeadsAroundItAreProjected() {
        String prefix = "dlq" + System.nanoTime();
        probe.send(Topics.SCORED_LEADS, prefix + "-before.test", lead(prefix + "-before.test", 70));
        probe.sendRaw(Topics.SCORED_LEADS.name(), prefix + "-broken.test", ("{\"leadId\": \"" + prefix + "-broken.test\", \"score\": \"high\"")
                .getBytes(StandardCharsets.UTF_8), Topics.SCORED_LEADS.eventType());
        probe.send(Topics.SCORED_LEADS, prefix + "-after.test", lead(prefix + "-after.test", 71));

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/leads/" + prefix + "-after.test").statusCode() == 200);
        given().get("/api/leads/" + prefix + "-before.test").then().statusCode(200);
        given().get("/api/leads/" + prefix + "-broken.test").then().statusCode(404);
        List<ConsumerRecord<byte[], byte[]>> dead = probe.readUntil(Topics.SCORED_LEADS.dlq(), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> (prefix + "-broken.test").equals(key(r))));
        ConsumerRecord<byte[], byte[]> record = dead.stream().filter(r -> (prefix + "-broken.test").equals(key(r))).findFirst().orElseThrow();
        assertThat(new String(record.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(new String(record.headers().lastHeader(DeadLetters.AGENT).value(), StandardCharsets.UTF_8)).isEqualTo("hitl-api");
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    @Test
    void selectingALeadWritesTheDecisionAndItsOutboxRowOnce() throws Exception {
        String leadId = "select" + System.nanoTime() + ".test";
        probe.send(Topics.SCORED_LEADS, leadId, lead(leadId, 70));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/leads/" + leadId).statusCode() == 200);

        String key = UUID.randomUUID().toString();
        String decisionId = Campaigns.into(Reviewers.as("ana")).header("Idempotency-Key", key)
                .post("/api/leads/" + leadId + "/select").then().statusCode(202).extract().path("decisionId");
        String again = Campaigns.into(Reviewers.as("ana")).header("Idempotency-Key", key)
                .post("/api/leads/" + leadId + "/select").then().statusCode(202).extract().path("decisionId");
        assertThat(again).isEqualTo(decisionId);
        Campaigns.into(given()).post("/api/leads/" + leadId + "/select").then().statusCode(409).body("detail", containsString("already selected"));
        given().post("/api/leads/nowhere.test/select").then().statusCode(404);

        assertThat(count("select count(*) from outbox where aggregateid = ? and aggregatetype = 'approved'", leadId)).isEqualTo(1);
        assertThat(count("select count(*) from outbox where id = cast(? as uuid) and payload->>'type' = 'lead.selected'"
                + " and payload->'lead'->>'leadId' is not null", decisionId)).isEqualTo(1);
        assertThat(count("select count(*) from decisions where lead_id = ? and reviewer = 'ana'", leadId)).isEqualTo(1);
        given().get("/api/leads/" + leadId).then().body("status", equalTo("selected"));
    }

    @Test
    void aDraftIsApprovedOnceAndABlockedOneNever() throws Exception {
        Draft draft = draft(UUID.randomUUID().toString(), "rose.test", List.of());
        Draft blocked = draft(UUID.randomUUID().toString(), "oak.test",
                List.of(new Draft.GuardrailFinding("has-recipient", "block", "the lead has no email address")));
        probe.send(Topics.DRAFTS, draft.leadId(), draft);
        probe.send(Topics.DRAFTS, blocked.leadId(), blocked);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/drafts/" + blocked.draftId()).statusCode() == 200);

        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);
        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(409);
        given().post("/api/drafts/" + blocked.draftId() + "/approve").then().statusCode(422)
                .body("detail", containsString("no email address"));
        assertThat(count("select count(*) from outbox where payload->>'type' = 'draft.approved' and payload->'draft'->>'draftId' = ?",
                draft.draftId())).isEqualTo(1);
    }

    @Test
    void aDiscoveryRequestIsValidatedAndQueuedInTheOutbox() throws Exception {
        given().contentType(ContentType.JSON).body("{\"sector\":\"bakeries\"}").post("/api/discovery-requests")
                .then().statusCode(400).body("detail", containsString("seedUrls must name at least one"));
        given().contentType(ContentType.JSON).body("{\"seedUrls\":[\"ftp://x.test/\"],\"sources\":[\"magic\"]}")
                .post("/api/discovery-requests").then().statusCode(400)
                .body("detail", containsString("not an http(s) URL")).body("detail", containsString("unknown source magic"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/discovery-requests").then().statusCode(400);

        String requestId = given().contentType(ContentType.JSON).body("{\"sector\":\"bakeries\",\"seedUrls\":[\"http://rose.test/\"]}")
                .post("/api/discovery-requests").then().statusCode(202).extract().path("requestId");
        assertThat(count("select count(*) from outbox where aggregatetype = 'discovery-requests' and aggregateid = ?", requestId))
                .isEqualTo(1);
    }

    @Test
    void theOutboxHasItsPublicationAndReplicationSlotForTheRelay() throws Exception {
        assertThat(count("select count(*) from pg_publication_tables where pubname = 'leadstream_outbox' and tablename = ?", "outbox"))
                .isEqualTo(1);
        assertThat(count("select count(*) from pg_replication_slots where slot_name = ?", "leadstream_outbox")).isEqualTo(1);
    }

    @Test
    void theApiDescribesItselfAndReportsMetrics() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/leads/facets")).body(containsString("/api/discovery-requests/{requestId}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/api/leads").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void badQueryParametersAreRefusedPrecisely() {
        given().queryParam("limit", 0).get("/api/leads").then().statusCode(400).body("detail", containsString("limit"));
        given().queryParam("tier", "Z").get("/api/leads").then().statusCode(400).body("detail", containsString("tier"));
        given().queryParam("after", "nonsense").get("/api/leads").then().statusCode(400).body("detail", containsString("cursor"));
    }

    static long count(String sql, String parameter) throws Exception {
        LocalPostgres postgres = SharedInfra.postgres();
        try (Connection c = postgres.connectAs(Credentials.DB_HITL_API);
             PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static ScoredLead lead(String leadId, int score) {
        return lead(leadId, score, "default");
    }

    static ScoredLead lead(String leadId, int score, String segment) {
        return new ScoredLead(leadId, "Lead " + leadId, "https://" + leadId + "/", List.of("info@" + leadId), List.of(),
                null, null, List.of(), List.of(), List.of("https://" + leadId + "/"), segment, score, ScoredLead.tierOf(score),
                List.of(new ScoredLead.FeatureContribution("has_email", 1, 30, 30, "found")), "prior-v1",
                Provenance.of("test", "1", null), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static Draft draft(String draftId, String leadId, List<Draft.GuardrailFinding> findings) {
        return new Draft(draftId, leadId, 1, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email("info@" + leadId, "Hello", "Hi", "<p>Hi</p>"), List.of(), List.of(), findings,
                Provenance.of("test", "1", null), "default");
    }
}
