package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The content editor on the real broker and database: versioned edits, locking, approval and rejection. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DraftEditorIT {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void anEditBecomesTheNextVersionAndAStaleEditOrApprovalGets409WithTheCurrentVersion() throws Exception {
        Draft draft = pending();

        Reviewers.as("ana").contentType(ContentType.JSON)
                .body(Map.of("version", 1, "subject", "Fresh bread for Rose Bakery",
                        "socialPosts", List.of(Map.of("platform", "x", "text", "Your sourdough looks great"))))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(202).body("kind", equalTo("draft.edited"));
        given().get("/api/drafts/" + draft.draftId()).then().statusCode(200)
                .body("draft.version", equalTo(2)).body("draft.email.subject", equalTo("Fresh bread for Rose Bakery"))
                .body("draft.email.textBody", equalTo("Hi"));
        given().get("/api/drafts/" + draft.draftId() + "/versions").then().statusCode(200)
                .body("[0].version", equalTo(2)).body("[0].editedBy", equalTo("ana"))
                .body("[0].changes.field", org.hamcrest.Matchers.contains("email.subject", "social.x"))
                .body("[0].changes[0].from", equalTo("Hello"));
        given().get("/api/drafts/" + draft.draftId() + "/preview").then().statusCode(200)
                .body("email.subject", equalTo("Fresh bread for Rose Bakery")).body("email.preheader", equalTo("Hi"))
                .body("email.subjectCutInInbox", equalTo(false))
                .body("posts[0].platform", equalTo("x")).body("posts[0].limit", equalTo(280))
                .body("posts[0].remaining", equalTo(280 - "Your sourdough looks great".length())).body("posts[0].fits", equalTo(true));
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'drafts' and payload->>'draftId' = ?"
                + " and payload->>'version' = '2'", draft.draftId())).isEqualTo(1);

        given().contentType(ContentType.JSON).body(Map.of("version", 1, "subject", "Stale"))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(409).body("currentVersion", equalTo(2));
        given().header("If-Match", "1").post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(409)
                .body("currentVersion", equalTo(2)).body("detail", containsString("reload"));
        given().header("If-Match", "2").post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("version", 2, "subject", "Too late"))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(409).body("detail", containsString("already approved"));
        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'draft.approved'"
                + " and payload->'draft'->>'draftId' = ? and payload->'draft'->'email'->>'subject' = 'Fresh bread for Rose Bakery'",
                draft.draftId())).isEqualTo(1);
    }

    @Test
    void contentOverAChannelsLimitIsRefusedWithTheLimit() throws Exception {
        Draft draft = pending();
        given().contentType(ContentType.JSON).body(Map.of("version", 1,
                        "socialPosts", List.of(Map.of("platform", "x", "text", "a".repeat(281)))))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(422)
                .body("detail", containsString("x posts must be 1 to 280 characters, was 281"));
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "subject", " "))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(422).body("detail", containsString("subject"));
        given().contentType(ContentType.JSON).body(Map.of("subject", "No version"))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(422).body("detail", containsString("version"));
    }

    @Test
    void twoReviewersApprovingAtOnceOneWinsTheOtherGets409() throws Exception {
        Draft draft = pending();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = List.of("ana", "ben").stream().map(reviewer -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reviewers.as(reviewer).header("If-Match", "1")
                    .post("/api/drafts/" + draft.draftId() + "/approve").statusCode();
        })).toList();
        start.countDown();
        assertThat(calls.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(202, 409);
        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'draft.approved'"
                + " and payload->'draft'->>'draftId' = ?", draft.draftId())).isEqualTo(1);
    }

    @Test
    void aRejectionNeedsAReasonAndTellsFeedback() throws Exception {
        Draft draft = pending();
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/drafts/" + draft.draftId() + "/reject")
                .then().statusCode(400).body("detail", containsString("comment"));
        Reviewers.as("ana").contentType(ContentType.JSON).body(Map.of("comment", "too pushy"))
                .post("/api/drafts/" + draft.draftId() + "/reject").then().statusCode(202).body("kind", equalTo("draft.rejected"));
        given().get("/api/drafts/" + draft.draftId()).then().body("status", equalTo("rejected"));
        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(409);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'engagement' and payload->>'type' = 'rejected'"
                + " and payload->>'draftId' = ? and payload->>'detail' = 'too pushy' and payload->>'segment' = 'default'",
                draft.draftId())).isEqualTo(1);
    }

    @Test
    void unsafeHtmlFromAReviewersEditIsSanitisedWithAFinding() throws Exception {
        Draft draft = pending();
        Reviewers.as("ana").contentType(ContentType.JSON)
                .body(Map.of("version", 1, "htmlBody", "<p onclick=\"steal()\">Fresh bread</p><script>steal()</script>"
                        + "<a href=\"javascript:steal()\">menu</a>"))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(202);

        String html = given().get("/api/drafts/" + draft.draftId()).then().statusCode(200)
                .body("draft.findings.rule", org.hamcrest.Matchers.hasItem("html-sanitised"))
                .extract().path("draft.email.htmlBody");
        assertThat(html).contains("Fresh bread").doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript:");
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'drafts' and payload->>'draftId' = ?"
                + " and payload->'email'->>'htmlBody' not like '%script%' and payload->'findings' @> '[{\"rule\":\"html-sanitised\"}]'",
                draft.draftId())).isEqualTo(1);
    }

    @Test
    void unsafeHtmlInADraftIsSanitisedBeforeItIsApproved() throws Exception {
        Draft unsafe = new Draft(UUID.randomUUID().toString(), "unsafe" + System.nanoTime() + ".test", 1, null,
                new Draft.Email("info@rose.test", "Hello", "Hi", "<p>Hi</p><img src=\"https://rose.test/a.png\" onerror=\"steal()\">"),
                List.of(), List.of(), List.of(), dev.leadstream.topics.event.Provenance.of("test", "1", null), "default");
        Rows.draft(unsafe);
        given().post("/api/drafts/" + unsafe.draftId() + "/approve").then().statusCode(202);

        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'draft.approved'"
                + " and payload->'draft'->>'draftId' = ? and payload->'draft'->'email'->>'htmlBody' not like '%onerror%'"
                + " and payload->'draft'->'email'->>'htmlBody' like '%rose.test/a.png%'"
                + " and payload->'draft'->'findings' @> '[{\"rule\":\"html-sanitised\"}]'", unsafe.draftId())).isEqualTo(1);
        given().get("/api/drafts/" + unsafe.draftId()).then().body("draft.findings.rule", org.hamcrest.Matchers.hasItem("html-sanitised"));
    }

    private Draft pending() {
        Draft draft = HitlApiIT.draft(UUID.randomUUID().toString(), "editor" + System.nanoTime() + ".test", List.of());
        probe.send(Topics.DRAFTS, draft.leadId(), draft);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/drafts/" + draft.draftId()).statusCode() == 200);
        return draft;
    }
}
