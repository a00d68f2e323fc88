package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The review UI's forms as a browser posts them, without a browser: each draft form carries its
 * own idempotency key, and an admin (only an admin) is offered and can use Reopen on a decided lead.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class UiFormsIT {

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void eachDraftFormHasItsOwnKey() throws Exception {
        Draft draft = HitlApiIT.draft(UUID.randomUUID().toString(), "uikeys-" + UUID.randomUUID() + ".test", List.of());
        Rows.draft(draft);
        Document page = Jsoup.parse(browser(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).get("/ui/drafts/" + draft.draftId())
                .then().statusCode(200).extract().asString());

        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String form : List.of("save", "approve", "reject")) {
            keys.put(form, page.select("form[action$=/" + form + "] input[name=idempotencyKey]").val());
        }
        assertThat(keys.values()).as("save, approve and reject each carry a key").doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void anAdminReopensADecidedLeadFromItsPageAndAReviewerIsNotOffered() throws Exception {
        String leadId = "uireopen-" + UUID.randomUUID() + ".test";
        Rows.leads(List.of(leadId), "ui");
        given().contentType(ContentType.JSON).body(Map.of("leadIds", List.of(leadId), "comment", "not now"))
                .post("/api/leads/bulk/reject").then().statusCode(200);

        Reviewers.as("rita");
        Document reviewerView = Jsoup.parse(browser("rita", Reviewers.PASSWORD).get("/ui/leads/" + leadId).then().statusCode(200)
                .extract().asString());
        assertThat(reviewerView.select("#reopen-lead")).isEmpty();
        assertThat(reviewerView.select("#select-lead")).as("a decided lead offers no second decision").isEmpty();

        RequestSpecification admin = browser(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        Document adminView = Jsoup.parse(admin.get("/ui/leads/" + leadId).then().statusCode(200).extract().asString());
        assertThat(adminView.select("#reopen-lead")).hasSize(1);
        String location = admin.contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("csrf-token", adminView.select("#reopen input[name=csrf-token]").val())
                .formParam("idempotencyKey", adminView.select("#reopen input[name=idempotencyKey]").val())
                .formParam("comment", "they asked us to call back")
                .post("/ui/leads/" + leadId + "/reopen").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("notice=Reopened");
        given().get("/api/leads/" + leadId).then().body("status", equalTo("new"));
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ? and kind = 'lead.reopened'"
                + " and comment = 'they asked us to call back'", leadId)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestGetsAnErrorPageInWordsNotJson() {
        String page = browser(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).urlEncodingEnabled(false).get("/ui/leads?q=%00")
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();
        Document document = Jsoup.parse(page);
        assertThat(document.select("main").text()).contains("query parameter q contains a NUL character");
        assertThat(document.select("a[href=/ui/leads]")).isNotEmpty();
    }

    @Test
    void aLeadIsSelectedIntoTheCampaignChosenOnItsPage() throws Exception {
        String leadId = "uicampaign-" + UUID.randomUUID() + ".test";
        Rows.leads(List.of(leadId), "ui");
        Campaign chosen = Campaigns.create(Campaign.ACTIVE, List.of());
        Campaign paused = Campaigns.create(Campaign.PAUSED, List.of());
        Document page = leadPage(leadId);
        List<String> offered = page.select("#lead-campaign option").eachAttr("value");
        assertThat(offered).as("active campaigns only, after a blank choice").contains("", chosen.campaignId())
                .doesNotContain(paused.campaignId());

        assertThat(decide(page, leadId, "")).contains("error=").contains("campaignId");
        given().get("/api/leads/" + leadId).then().body("status", equalTo("new"));

        assertThat(decide(leadPage(leadId), leadId, chosen.campaignId())).contains("notice=Selected+1+lead");
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ? and kind = 'lead.selected' and campaign_id = '"
                + chosen.campaignId() + "'", leadId)).isEqualTo(1);
        Document table = Jsoup.parse(browser(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD).get("/ui/leads").then().statusCode(200)
                .extract().asString());
        assertThat(table.select("#bulk-campaign option").eachAttr("value")).contains(chosen.campaignId());
    }

    private RequestSpecification admin;

    /** The lead's page in a fresh browser session, which {@link #decide} then posts from. */
    private Document leadPage(String leadId) {
        admin = browser(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        return Jsoup.parse(admin.get("/ui/leads/" + leadId).then().statusCode(200).extract().asString());
    }

    /** Posts the lead page's select form as a browser does, with the campaign chosen; answers where it redirects. */
    private String decide(Document page, String leadId, String campaignId) {
        return admin.contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("csrf-token", page.select("form.bulk input[name=csrf-token]").val())
                .formParam("idempotencyKey", page.select("form.bulk input[name=idempotencyKey]").val())
                .formParam("leadId", leadId).formParam("back", "/ui/leads/" + leadId)
                .formParam("campaignId", campaignId).formParam("action", "select")
                .post("/ui/leads/decide").then().statusCode(303).extract().header("Location");
    }

    /** A browser's session: signed in through the sign-in form, its cookies kept. */
    static RequestSpecification browser(String username, String password) {
        CookieFilter cookies = new CookieFilter();
        given().auth().none().filter(cookies).get("/ui/login").then().statusCode(200);
        given().auth().none().filter(cookies).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302);
        return given().auth().none().filter(cookies);
    }
}
