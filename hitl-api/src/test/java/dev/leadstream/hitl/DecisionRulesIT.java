package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Decisions mean what they say: a decided lead is not decided again without an admin reopening
 * it, a business already contacted gets no second first touch, and an idempotency key answers
 * only the same reviewer's same request.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DecisionRulesIT {

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void aRejectedLeadIsNotSelectedAgainUntilAnAdminReopensIt() throws Exception {
        String leadId = lead();
        Reviewers.as("rita").contentType(ContentType.JSON).body(Map.of("leadIds", List.of(leadId), "comment", "not ours"))
                .post("/api/leads/bulk/reject").then().statusCode(200).body("decided", hasItem(leadId));

        Reviewers.as("rita").post("/api/leads/" + leadId + "/select").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("currentState", equalTo("rejected")).body("detail", containsString("already rejected"));
        Reviewers.as("rita").contentType(ContentType.JSON).body(Map.of("leadIds", List.of(leadId), "campaignId", Campaigns.everySegment()))
                .post("/api/leads/bulk/select").then().statusCode(200)
                .body("decided", org.hamcrest.Matchers.empty()).body("skipped.'" + leadId + "'", equalTo("already rejected"));
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregateid = ? and aggregatetype = 'approved'", leadId)).isZero();

        // reopening is an admin's act, and it needs a reason
        Reviewers.as("rita").contentType(ContentType.JSON).body(Map.of("comment", "changed my mind"))
                .post("/api/leads/" + leadId + "/reopen").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/leads/" + leadId + "/reopen").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("comment", "they opened a second shop"))
                .post("/api/leads/" + leadId + "/reopen").then().statusCode(200).body("kind", equalTo("lead.reopened"));
        given().get("/api/leads/" + leadId).then().body("status", equalTo("new"));
        given().queryParam("leadId", leadId).queryParam("type", "lead.reopened").get("/api/audit").then().statusCode(200)
                .body("items[0].actor", equalTo(Reviewers.ADMIN)).body("items[0].detail.comment", equalTo("they opened a second shop"));
        Campaigns.into(Reviewers.as("rita")).post("/api/leads/" + leadId + "/select").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("comment", "again")).post("/api/leads/nowhere.test/reopen")
                .then().statusCode(404);
    }

    @Test
    void aSelectedLeadIsNotRejectedOrSelectedAgainSilently() throws Exception {
        String leadId = lead();
        Campaigns.into(given()).post("/api/leads/" + leadId + "/select").then().statusCode(202);
        Campaigns.into(given()).post("/api/leads/" + leadId + "/select").then().statusCode(409).body("currentState", equalTo("selected"));
        given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(leadId), "comment", "no"))
                .post("/api/leads/bulk/reject").then().statusCode(200).body("skipped.'" + leadId + "'", equalTo("already selected"));
        given().get("/api/leads/" + leadId).then().body("status", equalTo("selected"));
    }

    @Test
    void aBusinessAlreadyContactedGetsNoSecondFirstTouchEvenWhenReopened() throws Exception {
        String leadId = lead();
        Campaigns.into(given()).post("/api/leads/" + leadId + "/select").then().statusCode(202);
        Draft first = draft(leadId);
        Rows.draft(first);
        given().post("/api/drafts/" + first.draftId() + "/approve").then().statusCode(202);

        given().contentType(ContentType.JSON).body(Map.of("comment", "try once more"))
                .post("/api/leads/" + leadId + "/reopen").then().statusCode(200);
        Campaigns.into(given()).post("/api/leads/" + leadId + "/select").then().statusCode(409)
                .body("currentState", equalTo("contacted")).body("detail", containsString("already contacted"));
        given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(leadId), "campaignId", Campaigns.everySegment()))
                .post("/api/leads/bulk/select").then().statusCode(200).body("skipped.'" + leadId + "'", equalTo("already contacted"));

        // a second draft for the same business, however it came, is not approved either
        Draft second = draft(leadId);
        Rows.draft(second);
        given().post("/api/drafts/" + second.draftId() + "/approve").then().statusCode(409).body("currentState", equalTo("contacted"));
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregateid = ? and payload->>'type' = 'draft.approved'", leadId))
                .isEqualTo(1);
    }

    @Test
    void aDecidedDraftAnswers409WithItsState() throws Exception {
        Draft draft = draft(lead());
        Rows.draft(draft);
        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("comment", "late"))
                .post("/api/drafts/" + draft.draftId() + "/reject").then().statusCode(409)
                .body("currentState", equalTo("approved")).body("currentVersion", equalTo(1));
    }

    @Test
    void anIdempotencyKeyIsScopedToItsReviewerActionAndTarget() throws Exception {
        Draft edited = draft(lead());
        Draft other = draft(lead());
        Rows.draft(edited);
        Rows.draft(other);
        String key = UUID.randomUUID().toString();

        Reviewers.as("rita").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("version", 1, "subject", "Fresh bread")).put("/api/drafts/" + edited.draftId()).then().statusCode(202);
        // the same key from an admin approving another draft approves it: it is another scope
        String approval = given().header("Idempotency-Key", key).post("/api/drafts/" + other.draftId() + "/approve")
                .then().statusCode(202).body("kind", equalTo("draft.approved")).body("draftId", equalTo(other.draftId()))
                .extract().path("decisionId");
        given().get("/api/drafts/" + other.draftId()).then().body("status", equalTo("approved"));
        // the same request again answers the first one's result
        given().header("Idempotency-Key", key).post("/api/drafts/" + other.draftId() + "/approve")
                .then().statusCode(202).body("decisionId", equalTo(approval));
        // the same reviewer, action and target with a different request is refused, and says why
        Reviewers.as("rita").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("version", 1, "subject", "Something else")).put("/api/drafts/" + edited.draftId()).then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:leadstream:problem:idempotency-key-reused"))
                .body("detail", containsString("different request"));
        given().get("/api/drafts/" + edited.draftId()).then().body("draft.email.subject", equalTo("Fresh bread"));
    }

    @Test
    void aBulkKeyReusedForOtherLeadsOrAnotherCommentIsRefused() throws Exception {
        String a = lead();
        String b = lead();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("leadIds", List.of(a, b), "comment", "no"))
                .post("/api/leads/bulk/reject").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("leadIds", List.of(a), "comment", "no"))
                .post("/api/leads/bulk/reject").then().statusCode(422).body("detail", containsString("different request"));
        // leads the first call never named: the key still covers the whole call, so nothing is decided
        String c = lead();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("leadIds", List.of(c), "comment", "no"))
                .post("/api/leads/bulk/reject").then().statusCode(422).body("detail", containsString("different request"));
        given().get("/api/leads/" + c).then().statusCode(200).body("status", equalTo("new"));
    }

    private static String lead() throws Exception {
        String leadId = "rules-" + UUID.randomUUID() + ".test";
        Rows.leads(List.of(leadId), "rules");
        return leadId;
    }

    private static Draft draft(String leadId) {
        return HitlApiIT.draft(UUID.randomUUID().toString(), leadId, List.of());
    }
}
