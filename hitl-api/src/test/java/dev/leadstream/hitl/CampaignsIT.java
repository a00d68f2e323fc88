package dev.leadstream.hitl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadstream.hitl.service.CampaignService;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Campaign;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The campaigns API on the real database: every change is the next version, written with its
 * decision (the audit trail) and its outbox row for the campaigns topic, keyed by campaign id.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CampaignsIT {

    @Inject
    CampaignService campaigns;

    @Inject
    Mutiny.SessionFactory sessions;

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void theSampleCampaignIsCreatedEditedAndEachVersionGoesToTheOutboxKeyedByItsId() throws Exception {
        String id = newId();
        ObjectNode campaign = sample(id);
        Response created = create(campaign);
        created.then().statusCode(201).header("Location", endsWith("/api/campaigns/" + id)).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("status", equalTo("active")).body("updatedBy", equalTo("admin"))
                .body("offering.statements.id", hasItem("monthly-price"));
        given().get("/api/campaigns/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("offering.statements[3].translations.de", containsString("29 GBP"));

        campaign.put("name", "Tillway for bakeries");
        ((ObjectNode) campaign.at("/offering/statements/3")).put("text", "Tillway costs GBP 25 a month, with no contract.");
        Reviewers.as("rita").contentType(ContentType.JSON).header("If-Match", "\"1\"").body(campaign.toString())
                .put("/api/campaigns/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("updatedBy", equalTo("rita")).body("name", equalTo("Tillway for bakeries"));

        given().get("/api/campaigns/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("editedBy", contains("admin", "rita"))
                .body("[0].changes", org.hamcrest.Matchers.empty())
                .body("[1].changes.field", contains("name", "offering.statements[monthly-price].text"))
                .body("[1].changes[0].from", equalTo("Tillway: online orders for independent high-street shops"));
        given().get("/api/campaigns/" + id + "/versions/1").then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Tillway: online orders for independent high-street shops"));

        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'campaigns' and aggregateid = ?"
                + " and type = '" + Topics.CAMPAIGNS.eventType() + "'", id)).isEqualTo(2);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregateid = ? and (payload->>'version')::int = 2"
                + " and payload->>'name' = 'Tillway for bakeries'", id)).isEqualTo(1);
        assertThat(HitlApiIT.count("select count(*) from decisions where subject_id = ? and kind in ('campaign.created',"
                + " 'campaign.edited')", id)).isEqualTo(2);
        given().queryParam("type", CampaignService.EDITED).queryParam("actor", "rita").get("/api/audit").then().statusCode(200)
                .body("items.subjectId", hasItem(id));
    }

    @Test
    void anEditNamesTheVersionItWasMadeAgainstAndAStaleOneIsRefusedWithTheCurrentVersion() {
        String id = newId();
        ObjectNode campaign = sample(id);
        create(campaign).then().statusCode(201);
        ProblemDetailsIT.assertProblem("no version named", given().contentType(ContentType.JSON).body(campaign.toString())
                .put("/api/campaigns/" + id), 428);

        campaign.put("version", 1);
        given().contentType(ContentType.JSON).body(campaign.toString()).put("/api/campaigns/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        Response stale = given().contentType(ContentType.JSON).body(campaign.toString()).put("/api/campaigns/" + id);
        assertThat(ProblemDetailsIT.assertProblem("stale edit", stale, 409)).contains("version 2, not 1");
        assertThat(stale.jsonPath().getInt("currentVersion")).isEqualTo(2);
        assertThat(stale.jsonPath().getString("type")).isEqualTo("urn:leadstream:problem:version-conflict");
        ProblemDetailsIT.assertProblem("If-Match and body disagree", given().contentType(ContentType.JSON)
                .header("If-Match", "2").body(campaign.toString()).put("/api/campaigns/" + id), 400);
        campaign.remove("campaignId");
        ProblemDetailsIT.assertProblem("unknown campaign", given().contentType(ContentType.JSON).body(campaign.toString())
                .put("/api/campaigns/nowhere"), 404);
    }

    @Test
    void editsRacingForTheSameVersionMakeOneVersionAndTheOthersAre409NotUnknown() throws Exception {
        String id = newId();
        ObjectNode campaign = sample(id);
        create(campaign).then().statusCode(201);
        campaign.put("version", 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(campaign.toString())
                        .put("/api/campaigns/" + id).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aCampaignIsPausedActivatedAndArchivedEachAsItsNextVersionAndAnArchivedOneStaysAsItWas() throws Exception {
        String id = newId();
        create(sample(id)).then().statusCode(201);
        given().post("/api/campaigns/" + id + "/pause").then().statusCode(200).body("status", equalTo("paused"))
                .body("version", equalTo(2));
        Response again = given().post("/api/campaigns/" + id + "/pause");
        assertThat(ProblemDetailsIT.assertProblem("paused twice", again, 409)).contains("already paused");
        assertThat(again.jsonPath().getString("currentState")).isEqualTo("paused");
        assertThat(again.jsonPath().getString("type")).isEqualTo(CampaignService.STATE_PROBLEM);
        ProblemDetailsIT.assertProblem("stale If-Match", given().header("If-Match", "1").post("/api/campaigns/" + id + "/activate"), 409);
        given().header("If-Match", "2").post("/api/campaigns/" + id + "/activate").then().statusCode(200)
                .body("status", equalTo("active")).body("version", equalTo(3));
        given().post("/api/campaigns/" + id + "/archive").then().statusCode(200).body("status", equalTo("archived"));

        for (String change : List.of("pause", "activate", "archive")) {
            Response refused = given().post("/api/campaigns/" + id + "/" + change);
            assertThat(ProblemDetailsIT.assertProblem(change + " when archived", refused, 409)).contains("archived");
        }
        ProblemDetailsIT.assertProblem("edit when archived", given().contentType(ContentType.JSON).header("If-Match", "4")
                .body(sample(id).toString()).put("/api/campaigns/" + id), 409);
        given().get("/api/campaigns/" + id + "/versions").then().body("status", contains("active", "paused", "active", "archived"))
                .body("[1].changes[0].field", equalTo("status"));
        given().queryParam("status", "archived").get("/api/campaigns").then().statusCode(200).body("campaignId", hasItem(id));
        given().queryParam("status", "active").get("/api/campaigns").then().statusCode(200).body("campaignId", not(hasItem(id)));
        ProblemDetailsIT.assertProblem("unknown status", given().queryParam("status", "done").get("/api/campaigns"), 400);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'campaigns' and aggregateid = ?", id))
                .isEqualTo(4);
    }

    @Test
    void anIdempotencyKeyMakesOneVersionAndIsRefusedForAnotherRequest() throws Exception {
        String id = newId();
        String key = UUID.randomUUID().toString();
        ObjectNode campaign = sample(id);
        create(campaign, key).then().statusCode(201).body("version", equalTo(1));
        create(campaign, key).then().statusCode(201).body("version", equalTo(1));
        ProblemDetailsIT.assertProblem("a second create without a key", create(campaign), 409);

        String pauseKey = UUID.randomUUID().toString();
        given().header("Idempotency-Key", pauseKey).post("/api/campaigns/" + id + "/pause").then().statusCode(200)
                .body("version", equalTo(2));
        given().header("Idempotency-Key", pauseKey).post("/api/campaigns/" + id + "/pause").then().statusCode(200)
                .body("version", equalTo(2));
        campaign.put("name", "Another name");
        Response reused = create(campaign, key);
        assertThat(ProblemDetailsIT.assertProblem("key reused", reused, 422)).contains("Idempotency-Key");
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'campaigns' and aggregateid = ?", id))
                .isEqualTo(2);
    }

    @Test
    void anInvalidCampaignIs422NamingEveryFieldAndNothingIsWritten() throws Exception {
        String id = newId();
        ObjectNode campaign = sample(id);
        campaign.withObject("/sender").remove("postalAddress");
        campaign.putArray("channels").add("email").add("fax");
        Response refused = create(campaign);
        assertThat(ProblemDetailsIT.assertProblem("invalid campaign", refused, 422)).contains("sender.postalAddress").contains("channels[1]");
        assertThat(refused.jsonPath().getList("errors.field")).containsExactly("channels[1]", "sender.postalAddress");

        ObjectNode tooLong = sample(id);
        ((ObjectNode) tooLong.at("/offering/statements/0")).put("text", "t".repeat(1001));
        Response overLimit = create(tooLong);
        ProblemDetailsIT.assertProblem("statement over its limit", overLimit, 422);
        assertThat(overLimit.jsonPath().getInt("limit")).isEqualTo(1000);
        assertThat(overLimit.jsonPath().getString("field")).isEqualTo("offering.statements[0].text");

        ObjectNode withNul = sample(id);
        withNul.put("tone", "warm\u0000");
        ProblemDetailsIT.assertProblem("NUL in the tone", create(withNul), 400);
        ProblemDetailsIT.assertProblem("bytes that are not UTF-8", given().contentType(ContentType.JSON)
                .body(withBrokenUtf8(sample(id))).post("/api/campaigns"), 400);
        ProblemDetailsIT.assertProblem("not an object", given().contentType(ContentType.JSON).body("[]").post("/api/campaigns"), 400);
        assertThat(HitlApiIT.count("select count(*) from campaigns where campaign_id = ?", id)).isZero();
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregateid = ?", id)).isZero();
    }

    @Test
    void theSelectionGetsTheCurrentActiveVersionOrAPreciseRefusal() {
        String id = newId();
        create(sample(id)).then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "1").body(sample(id).put("name", "Second").toString())
                .put("/api/campaigns/" + id).then().statusCode(200);

        Campaign selected = inTransaction(session -> campaigns.forSelection(session, id));
        assertThat(selected.version()).isEqualTo(2);
        assertThat(selected.name()).isEqualTo("Second");
        assertThat(inTransaction(session -> campaigns.version(session, id, 1)).name()).startsWith("Tillway: online orders");
        assertThatThrownBy(() -> inTransaction(session -> campaigns.version(session, id, 3))).hasMessageContaining("no version 3");
        assertThatThrownBy(() -> inTransaction(session -> campaigns.forSelection(session, "nowhere")))
                .hasMessageContaining("no campaign nowhere");

        given().post("/api/campaigns/" + id + "/pause").then().statusCode(200);
        assertThatThrownBy(() -> inTransaction(session -> campaigns.forSelection(session, id))).hasMessageContaining("is paused");
        given().post("/api/campaigns/" + id + "/archive").then().statusCode(200);
        assertThatThrownBy(() -> inTransaction(session -> campaigns.forSelection(session, id))).hasMessageContaining("is archived");
    }

    @Test
    void aPublishedVersionCannotBeRewritten() throws Exception {
        String id = newId();
        create(sample(id)).then().statusCode(201);
        try (java.sql.Connection c = Rows.connect()) {
            for (String sql : List.of("update campaign_versions set edited_by = 'mallory'", "delete from campaign_versions",
                    "truncate campaign_versions")) {
                assertThatThrownBy(() -> c.createStatement().executeUpdate(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheCampaignEndpoints() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/campaigns/{campaignId}/versions/{version}"))
                .body(containsString("/api/campaigns/{campaignId}/archive"))
                .body(containsString("Create a campaign")).body(containsString("If-Match"));
    }

    private <T> T inTransaction(java.util.function.Function<Mutiny.Session, io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(work));
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    static String newId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The demo's sample campaign under another id. */
    static ObjectNode sample(String id) {
        try (InputStream in = CampaignsIT.class.getResourceAsStream("/leadstream/sample-campaign.json")) {
            return ((ObjectNode) EventJson.MAPPER.readTree(in)).put("campaignId", id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response create(ObjectNode campaign) {
        return given().contentType(ContentType.JSON).body(campaign.toString()).post("/api/campaigns");
    }

    private static Response create(ObjectNode campaign, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(campaign.toString())
                .post("/api/campaigns");
    }

    private static byte[] withBrokenUtf8(ObjectNode campaign) {
        String json = campaign.put("tone", "warm@@").toString();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf("warm@@") + 4;
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        return bytes;
    }
}
