package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The grounding gate at the reviewer, on the real broker and database: an edited message is
 * checked again, and a draft is approved only once none of its sentences is unsupported.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class GroundedDraftsIT {

    private static final String SINCE_1990 = "Rose Bakery has been baking since 1990.";

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void anEditIsCheckedAgainAndTheDraftIsApprovedOnlyOnceEverySentenceIsSupported() throws Exception {
        Draft draft = arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), lead(), "spring"));
        Draft.Message first = draft.firstTouch("email").orElseThrow();

        editFirstEmail(draft.draftId(), 1, first.text().replace(GroundedDrafts.HOOK, GroundedDrafts.HOOK + " " + SINCE_1990),
                first.html().replace(GroundedDrafts.HOOK, GroundedDrafts.HOOK + " " + SINCE_1990));
        Draft edited = current(draft.draftId());
        Draft.Statement invented = edited.unsupportedStatements().getFirst();
        assertThat(edited.version()).isEqualTo(2);
        assertThat(invented.text()).isEqualTo(SINCE_1990);
        assertThat(invented.reason()).contains("1990");

        given().header("If-Match", "2").post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:leadstream:problem:unsupported-claims"))
                .body("detail", containsString(SINCE_1990))
                .body("sentences[0].text", equalTo(SINCE_1990)).body("sentences[0].reason", containsString("1990"))
                .body("sentences[0].part", equalTo(GroundedDrafts.FIRST_EMAIL));
        given().get("/api/drafts/" + draft.draftId()).then().body("status", equalTo("pending"));

        String fixedText = first.text().replace(GroundedDrafts.HOOK, GroundedDrafts.HOOK + " Rose Bakery has baked since 2012.");
        editFirstEmail(draft.draftId(), 2, fixedText,
                first.html().replace(GroundedDrafts.HOOK, GroundedDrafts.HOOK + " Rose Bakery has baked since 2012."));
        assertThat(current(draft.draftId()).unsupportedStatements()).isEmpty();
        given().header("If-Match", "3").post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);

        Draft approved = EventJson.read(approvedPayload(draft.draftId()), Draft.class);
        assertThat(approved.version()).isEqualTo(3);
        assertThat(approved.email().textBody()).isEqualTo(fixedText);
        assertThat(approved.email().htmlBody()).contains("<a href=\"" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "\">");
        assertThat(approved.findings()).extracting(Draft.GuardrailFinding::rule).doesNotContain("html-sanitised");
        assertThat(approved.campaignId()).isEqualTo("spring");
        given().get("/api/drafts/" + draft.draftId() + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(2, 3))).body("[0].changes.field", hasItem("message." + GroundedDrafts.FIRST_EMAIL + ".text"));
    }

    @Test
    void anEditThatRemovesTheUnsubscribeLinkCannotBeApproved() throws Exception {
        Draft draft = arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), lead(), "spring"));
        Draft.Message first = draft.firstTouch("email").orElseThrow();
        String unsubscribe = "Unsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER;
        editFirstEmail(draft.draftId(), 1, first.text().replace("\n\n" + unsubscribe, ""), first.html());

        given().header("If-Match", "2").post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(422)
                .body("type", equalTo("urn:leadstream:problem:missing-email-parts"))
                .body("parts.part", hasItem(GroundedDrafts.FIRST_EMAIL))
                .body("parts.missing", hasItem("unsubscribe link in its text body"));
        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'draft.approved'"
                + " and payload->'draft'->>'draftId' = ?", draft.draftId())).isZero();

        editFirstEmail(draft.draftId(), 2, first.text(), first.html());
        given().header("If-Match", "3").post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);
    }

    @Test
    void aDraftThatArrivesWithAnUnsupportedClaimWaitsForAnEdit() throws Exception {
        Draft draft = arrived(GroundedDrafts.withInventedClaim(UUID.randomUUID().toString(), lead(), "spring"));
        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(422)
                .body("sentences.text", equalTo(List.of(GroundedDrafts.INVENTED)))
                .body("sentences[0].part", equalTo(GroundedDrafts.FIRST_EMAIL));
        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'draft.approved'"
                + " and payload->'draft'->>'draftId' = ?", draft.draftId())).isZero();

        Draft.Message first = draft.firstTouch("email").orElseThrow();
        editFirstEmail(draft.draftId(), 1, first.text().replace(GroundedDrafts.INVENTED + "\n\n", ""),
                first.html().replace("<p>" + GroundedDrafts.INVENTED + "</p>", ""));
        given().post("/api/drafts/" + draft.draftId() + "/approve").then().statusCode(202);
    }

    @Test
    void anEditTheMessageCannotTakeIsRefusedAndChangesNothing() throws Exception {
        Draft draft = arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), lead(), "spring"));
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "messages",
                        List.of(Map.of("variantId", GroundedDrafts.TELEGRAM, "subject", "Hi"))))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(422)
                .body("detail", containsString("for email messages only"));
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "messages", List.of(Map.of("variantId", "email:7:x", "text", "Hi"))))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(422).body("detail", containsString("no message email:7:x"));
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "messages", List.of(Map.of("text", "Hi"))))
                .put("/api/drafts/" + draft.draftId()).then().statusCode(422).body("detail", containsString("variantId"));
        assertThat(current(draft.draftId()).version()).isEqualTo(1);
    }

    private static void editFirstEmail(String draftId, int version, String text, String html) {
        Reviewers.as("ana").contentType(ContentType.JSON).body(Map.of("version", version,
                        "messages", List.of(Map.of("variantId", GroundedDrafts.FIRST_EMAIL, "text", text, "html", html))))
                .put("/api/drafts/" + draftId).then().statusCode(202).body("kind", equalTo("draft.edited"));
    }

    private Draft arrived(Draft draft) {
        probe.send(Topics.DRAFTS, draft.leadId(), draft);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/drafts/" + draft.draftId()).statusCode() == 200);
        return draft;
    }

    private static Draft current(String draftId) {
        return EventJson.read(given().get("/api/drafts/" + draftId).then().statusCode(200).extract().asString(), DraftBody.class)
                .draft();
    }

    /** The draft part of the API's answer. */
    record DraftBody(String status, Draft draft) {
    }

    private static String approvedPayload(String draftId) throws Exception {
        try (Connection c = Rows.connect(); PreparedStatement select = c.prepareStatement("select cast(payload->'draft' as text) from outbox"
                + " where payload->>'type' = 'draft.approved' and payload->'draft'->>'draftId' = ?")) {
            select.setString(1, draftId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("a draft.approved event for " + draftId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String lead() {
        return "grounded-" + UUID.randomUUID() + ".test";
    }
}
