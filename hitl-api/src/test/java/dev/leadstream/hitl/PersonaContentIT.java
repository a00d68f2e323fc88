package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The Persona &amp; Content API on the real broker and database: where generation stands per
 * selection, and a regeneration from the reviewer's instruction to the next version arriving on
 * drafts.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PersonaContentIT {

    private static final List<EnrichedLead.Signal> SIGNALS = List.of(new EnrichedLead.Signal("technology", "cms", "WordPress", "meta"));

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void aSelectionIsRequestedThenWrittenThenRegeneratedIntoVersionTwoThenApprovedAndSent() throws Exception {
        Campaign campaign = Campaigns.create(Campaign.ACTIVE, List.of());
        String leadId = lead();
        Campaigns.into(given(), campaign.campaignId()).post("/api/leads/" + leadId + "/select").then().statusCode(202);
        given().queryParam("campaignId", campaign.campaignId()).get("/api/drafts").then().statusCode(200)
                .body("", hasSize(1)).body("[0].leadId", equalTo(leadId)).body("[0].status", equalTo("requested"))
                .body("[0].campaignVersion", equalTo(1)).body("[0].selectedBy", equalTo(Reviewers.ADMIN))
                .body("[0].draftId", nullValue());

        Draft first = arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), leadId, campaign.campaignId()));
        given().queryParam("campaignId", campaign.campaignId()).get("/api/drafts").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("written")).body("[0].draftId", equalTo(first.draftId()))
                .body("[0].draftVersion", equalTo(1)).body("[0].language", equalTo("en"))
                .body("[0].subject", equalTo("Sourdough in Leeds"));

        String key = UUID.randomUUID().toString();
        String decisionId = regenerate(first.draftId(), key, Map.of("instruction", "shorter, and mention the rye", "version", 1))
                .then().statusCode(202).body("kind", equalTo("draft.regenerate")).extract().path("decisionId");
        regenerate(first.draftId(), key, Map.of("instruction", "shorter, and mention the rye", "version", 1))
                .then().statusCode(202).body("decisionId", equalTo(decisionId));

        Approval asked = EventJson.read(Rows.outboxPayload(decisionId), Approval.class);
        assertThat(asked.type()).isEqualTo(Approval.DRAFT_REGENERATE);
        assertThat(asked.instruction()).isEqualTo("shorter, and mention the rye");
        assertThat(asked.lead().leadId()).isEqualTo(leadId);
        assertThat(asked.signals()).isEqualTo(SIGNALS);
        assertThat(asked.campaign().campaignId()).isEqualTo(campaign.campaignId());
        assertThat(asked.campaign().version()).isEqualTo(1);
        assertThat(asked.draft().draftId()).isEqualTo(first.draftId());
        assertThat(asked.draft().version()).isEqualTo(1);
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregatetype = 'approved' and aggregateid = ?"
                + " and type = 'dev.leadstream.approval.draft.regenerate'", leadId)).isEqualTo(1);
        given().queryParam("leadId", leadId).queryParam("type", "draft.regenerate").get("/api/audit").then().statusCode(200)
                .body("items[0].detail.comment", equalTo("shorter, and mention the rye"))
                .body("items[0].detail.campaignId", equalTo(campaign.campaignId()));

        given().get("/api/drafts/" + first.draftId()).then().body("generationStatus", equalTo("regenerating"));
        given().queryParam("leadId", leadId).get("/api/drafts").then().body("[0].status", equalTo("regenerating"));
        given().header("If-Match", "1").post("/api/drafts/" + first.draftId() + "/approve").then().statusCode(409)
                .body("currentState", equalTo("regenerating")).body("detail", containsString("version 2 when it arrives"));
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "subject", "Mine"))
                .put("/api/drafts/" + first.draftId()).then().statusCode(409).body("currentState", equalTo("regenerating"));

        String shorter = "Hello Rose Bakery,\n\nYour rye looks great.\n\nUnsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER;
        Draft second = nextVersion(first, "shorter, and mention the rye", shorter);
        probe.send(Topics.DRAFTS, leadId, second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/drafts/" + first.draftId()).then()
                .body("draft.version", equalTo(2)).body("generationStatus", equalTo("written")));
        given().get("/api/drafts/" + first.draftId()).then().body("draft.generation.instruction", equalTo("shorter, and mention the rye"))
                .body("draft.email.textBody", equalTo(shorter));
        given().get("/api/drafts/" + first.draftId() + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(2))).body("[0].editedBy", equalTo("persona-agent"))
                .body("[0].changes.field", equalTo(List.of("message." + GroundedDrafts.FIRST_EMAIL + ".text")));

        // redelivered, the older version does not come back; the draft after it on the lead's partition shows it was read
        probe.send(Topics.DRAFTS, leadId, first);
        arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), leadId, campaign.campaignId()));
        given().get("/api/drafts/" + first.draftId()).then().body("draft.version", equalTo(2));
        regenerate(first.draftId(), null, Map.of("instruction", "longer", "version", 1)).then().statusCode(409)
                .body("currentVersion", equalTo(2));

        given().header("If-Match", "2").post("/api/drafts/" + first.draftId() + "/approve").then().statusCode(202);
        given().queryParam("campaignId", campaign.campaignId()).get("/api/drafts").then().body("[0].status", equalTo("approved"));
        probe.send(Topics.ENGAGEMENT, leadId, new Engagement(UUID.randomUUID().toString(), leadId, Engagement.SENT, "email",
                first.draftId(), "uk-food", GroundedDrafts.FIRST_EMAIL, null, Instant.now(), Provenance.of("outreach-agent", "test", "smtp")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("campaignId", campaign.campaignId())
                .queryParam("status", "sent").get("/api/drafts").then().body("draftId", equalTo(List.of(first.draftId()))));
        given().get("/api/leads/" + leadId + "/drafts").then().body("[0].generationStatus", equalTo("sent"));
    }

    @Test
    void aRegenerationIsRefusedPreciselyAndWritesNothing() throws Exception {
        Draft legacy = HitlApiIT.draft(UUID.randomUUID().toString(), lead(), List.of());
        Rows.draft(legacy);
        regenerate(legacy.draftId(), null, Map.of("instruction", "shorter", "version", 1)).then().statusCode(422)
                .body("detail", containsString("without a campaign"));

        Campaign campaign = Campaigns.create(Campaign.ACTIVE, List.of());
        Draft draft = arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), lead(), campaign.campaignId()));
        String path = "/api/drafts/" + draft.draftId() + "/regenerate";
        regenerate(draft.draftId(), null, Map.of("version", 1)).then().statusCode(422).body("field", equalTo("instruction"));
        regenerate(draft.draftId(), null, Map.of("instruction", "x".repeat(501), "version", 1)).then().statusCode(422)
                .body("limit", equalTo(500));
        regenerate(draft.draftId(), null, Map.of("instruction", "shorter")).then().statusCode(422).body("field", equalTo("version"));
        regenerate("no-such-draft", null, Map.of("instruction", "shorter", "version", 1)).then().statusCode(404);
        Reviewers.as("vera", "viewer").contentType(ContentType.JSON).body(Map.of("instruction", "shorter", "version", 1))
                .post(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("comment", "not for them")).post("/api/drafts/" + draft.draftId() + "/reject")
                .then().statusCode(202);
        regenerate(draft.draftId(), null, Map.of("instruction", "shorter", "version", 1)).then().statusCode(409)
                .body("currentState", equalTo("rejected"));

        assertThat(HitlApiIT.count("select count(*) from decisions where kind = 'draft.regenerate' and subject_id = ?",
                draft.draftId())).isZero();
        assertThat(HitlApiIT.count("select count(*) from decisions where kind = 'draft.regenerate' and subject_id = ?",
                legacy.draftId())).isZero();
    }

    @Test
    void theListIsNarrowedByLeadAndStatusAndRefusesAnUnknownStatus() throws Exception {
        Campaign campaign = Campaigns.create(Campaign.ACTIVE, List.of());
        String waiting = lead();
        String written = lead();
        Campaigns.into(given(), campaign.campaignId()).post("/api/leads/" + waiting + "/select").then().statusCode(202);
        Campaigns.into(given(), campaign.campaignId()).post("/api/leads/" + written + "/select").then().statusCode(202);
        arrived(GroundedDrafts.supported(UUID.randomUUID().toString(), written, campaign.campaignId()));

        given().queryParam("campaignId", campaign.campaignId()).get("/api/drafts").then().body("leadId", hasSize(2));
        given().queryParam("campaignId", campaign.campaignId()).queryParam("status", "requested").get("/api/drafts").then()
                .body("leadId", equalTo(List.of(waiting)));
        given().queryParam("leadId", written).get("/api/drafts").then().body("status", equalTo(List.of("written")));
        given().queryParam("status", "lost").get("/api/drafts").then().statusCode(400).body("detail", containsString("requested"));
        given().queryParam("limit", 0).get("/api/drafts").then().statusCode(400);
    }

    @Test
    void theOpenApiDocumentDescribesThePersonaAndContentApi() {
        String document = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(document).contains("Persona & Content", "/api/drafts/{draftId}/regenerate", "/api/leads/{leadId}/drafts",
                "regenerating (a new version was asked for", "unsupported-claims");
    }

    private static io.restassured.response.Response regenerate(String draftId, String key, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/drafts/" + draftId + "/regenerate");
    }

    /** What persona-agent sends back: the same draft id at the next version, its first email written again. */
    private static Draft nextVersion(Draft draft, String instruction, String text) {
        List<Draft.Message> messages = draft.messages().stream().map(m -> !m.variantId().equals(GroundedDrafts.FIRST_EMAIL) ? m
                : new Draft.Message(m.variantId(), m.channel(), m.step(), m.dayOffset(), m.to(), m.subject(), m.preheader(), text,
                m.html(), m.hashtags(), m.script(), List.of())).toList();
        Draft.Message email = messages.getFirst();
        Draft.Generation g = draft.generation();
        return new Draft(draft.draftId(), draft.leadId(), draft.version() + 1, draft.persona(),
                new Draft.Email(email.to(), email.subject(), email.text(), email.html()), draft.socialPosts(), List.of(), List.of(),
                draft.provenance(), draft.segment(), draft.campaignId(), draft.campaignVersion(), draft.language(), messages,
                draft.facts(), new Draft.Generation(g.writer(), g.model(), g.prompt(), g.temperature(), g.promptTokens(),
                g.completionTokens(), g.attempts(), g.fallbackReason(), instruction, g.examples()));
    }

    private Draft arrived(Draft draft) {
        probe.send(Topics.DRAFTS, draft.leadId(), draft);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/drafts/" + draft.draftId()).statusCode() == 200);
        return draft;
    }

    private static String lead() throws Exception {
        String leadId = "content-" + UUID.randomUUID() + ".test";
        Rows.leads(List.of(leadId), "uk-food");
        Rows.signals(leadId, SIGNALS);
        return leadId;
    }
}
