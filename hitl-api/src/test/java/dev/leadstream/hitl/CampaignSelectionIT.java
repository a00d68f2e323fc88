package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
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
 * Selecting leads into a campaign on the real broker and database: what the lead.selected event
 * carries, which campaign an unnamed selection goes to, and every refusal with nothing written.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CampaignSelectionIT {

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());

    @Test
    void theSelectionEventCarriesTheLeadItsSignalsAndTheCampaignVersionAndTheDecisionRecordsThem() throws Exception {
        String leadId = "chosen-" + UUID.randomUUID() + ".test";
        List<EnrichedLead.Signal> signals = List.of(new EnrichedLead.Signal("technology", "cms", "WordPress", "meta generator on /"),
                new EnrichedLead.Signal("firmographic", "open_roles", "2", "careers page"));
        probe.send(Topics.ENRICHED_LEADS, leadId, new EnrichedLead(leadId, HitlApiIT.lead(leadId, 80, "uk-food"), signals,
                Provenance.of("enrichment-agent", "test", null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/leads/" + leadId).statusCode() == 200);
        Campaign campaign = Campaigns.create(Campaign.ACTIVE, List.of("uk-food"));

        String decisionId = Campaigns.into(Reviewers.as("ana"), campaign.campaignId()).post("/api/leads/" + leadId + "/select")
                .then().statusCode(202).body("campaignId", equalTo(campaign.campaignId())).body("campaignVersion", equalTo(1))
                .extract().path("decisionId");

        Approval event = EventJson.read(Rows.outboxPayload(decisionId), Approval.class);
        assertThat(event.type()).isEqualTo(Approval.LEAD_SELECTED);
        assertThat(event.lead().leadId()).isEqualTo(leadId);
        assertThat(event.signals()).isEqualTo(signals);
        assertThat(event.campaign().campaignId()).isEqualTo(campaign.campaignId());
        assertThat(event.campaign().version()).isEqualTo(1);
        assertThat(event.campaign().offering().statements()).extracting(Campaign.Statement::id).contains("monthly-price");
        assertThat(event.reviewer()).isEqualTo("ana");
        assertThat(HitlApiIT.count("select count(*) from decisions where id = cast(? as uuid) and campaign_version = 1"
                + " and campaign_id = '" + campaign.campaignId() + "'", decisionId)).isEqualTo(1);
        given().queryParam("leadId", leadId).queryParam("type", "lead.selected").get("/api/audit").then().statusCode(200)
                .body("items[0].detail.campaignId", equalTo(campaign.campaignId())).body("items[0].detail.campaignVersion", equalTo(1));
    }

    @Test
    void aSelectionThatNamesNoCampaignGoesToTheOnlyActiveOneAndIsRefusedWhenThereAreSeveral() throws Exception {
        Campaigns.create(Campaign.ACTIVE, List.of());
        Campaigns.create(Campaign.ACTIVE, List.of());
        String several = lead("default");
        given().post("/api/leads/" + several + "/select").then().statusCode(422)
                .body("field", equalTo("campaignId")).body("detail", containsString("more than one campaign is active"));
        given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(several)))
                .post("/api/leads/bulk/select").then().statusCode(422).body("field", equalTo("campaignId"));

        Campaign only = Campaigns.create(Campaign.ACTIVE, List.of());
        List<String> hidden = hideActiveCampaignsBut(only.campaignId());
        try {
            String one = lead("default");
            given().post("/api/leads/" + one + "/select").then().statusCode(202).body("campaignId", equalTo(only.campaignId()));
            String another = lead("default");
            given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(another)))
                    .post("/api/leads/bulk/select").then().statusCode(200).body("decided", hasItem(another));
            assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ? and campaign_id = '"
                    + only.campaignId() + "'", another)).isEqualTo(1);
        } finally {
            showCampaigns(hidden);
        }
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ?", several)).isZero();
    }

    @Test
    void anUnknownPausedOrArchivedCampaignIsRefusedPreciselyAndNothingIsWritten() throws Exception {
        String leadId = lead("default");
        Campaigns.into(given(), "no-such-campaign").post("/api/leads/" + leadId + "/select").then().statusCode(404)
                .body("detail", containsString("no campaign no-such-campaign"));
        Campaign paused = Campaigns.create(Campaign.PAUSED, List.of());
        Campaigns.into(given(), paused.campaignId()).post("/api/leads/" + leadId + "/select").then().statusCode(409)
                .body("currentState", equalTo("paused")).body("detail", containsString("activate it"));
        Campaign archived = Campaigns.create(Campaign.ARCHIVED, List.of());
        given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(leadId), "campaignId", archived.campaignId()))
                .post("/api/leads/bulk/select").then().statusCode(409).body("currentState", equalTo("archived"));
        Campaigns.into(given(), "bad\u0007id").post("/api/leads/" + leadId + "/select").then().statusCode(400);

        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ?", leadId)).isZero();
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregateid = ?", leadId)).isZero();
        given().get("/api/leads/" + leadId).then().body("status", equalTo("new"));
    }

    @Test
    void aLeadOutsideTheCampaignsSegmentsIsRefusedAloneAndSkippedInBulk() throws Exception {
        Campaign food = Campaigns.create(Campaign.ACTIVE, List.of("uk-food"));
        String retail = lead("uk-retail");
        Campaigns.into(given(), food.campaignId()).post("/api/leads/" + retail + "/select").then().statusCode(422)
                .body("field", equalTo("campaignId")).body("segment", equalTo("uk-retail")).body("segments", equalTo(List.of("uk-food")))
                .body("detail", containsString("segment uk-retail is not one campaign " + food.campaignId() + " targets (uk-food)"));

        String bakery = lead("uk-food");
        given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(retail, bakery), "campaignId", food.campaignId()))
                .post("/api/leads/bulk/select").then().statusCode(200)
                .body("decided", equalTo(List.of(bakery)))
                .body("skipped.'" + retail + "'", containsString("segment uk-retail is not one campaign"));
        given().get("/api/leads/" + retail).then().body("status", equalTo("new"));
        assertThat(HitlApiIT.count("select count(*) from outbox where aggregateid = ?", retail)).isZero();
    }

    @Test
    void aSelectionTooLargeForARecordIs413NamingTheLimit() throws Exception {
        String leadId = lead("default");
        Rows.signals(leadId, List.of(new EnrichedLead.Signal("website", "page_weight_kb", "1", "x".repeat(800 * 1024))));
        Campaigns.into(given()).post("/api/leads/" + leadId + "/select").then().statusCode(413)
                .body("type", equalTo("urn:leadstream:problem:too-large")).body("limit", equalTo(768 * 1024))
                .body("detail", containsString(leadId));
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ?", leadId)).isZero();
        given().get("/api/leads/" + leadId).then().body("status", equalTo("new"));
    }

    private static String lead(String segment) throws Exception {
        String leadId = "campaign-" + UUID.randomUUID() + ".test";
        Rows.leads(List.of(leadId), segment);
        return leadId;
    }

    /**
     * Other tests' campaigns share the database: for a moment they leave the list of active ones
     * (their rows only; what they published stays as it was), so that one campaign is the only active.
     */
    private static List<String> hideActiveCampaignsBut(String campaignId) throws Exception {
        List<String> hidden = new ArrayList<>();
        try (Connection c = Rows.connect(); PreparedStatement hide = c.prepareStatement(
                "update campaigns set status = 'paused' where status = 'active' and campaign_id <> ? returning campaign_id")) {
            hide.setString(1, campaignId);
            try (ResultSet rs = hide.executeQuery()) {
                while (rs.next()) {
                    hidden.add(rs.getString(1));
                }
            }
        }
        return hidden;
    }

    private static void showCampaigns(List<String> campaignIds) throws Exception {
        try (Connection c = Rows.connect(); PreparedStatement show = c.prepareStatement(
                "update campaigns set status = 'active' where campaign_id = any(?)")) {
            Array ids = c.createArrayOf("text", campaignIds.toArray());
            show.setArray(1, ids);
            show.executeUpdate();
        }
    }
}
