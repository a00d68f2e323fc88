package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The campaign pages as a browser uses them, without a browser: the form is read from the page,
 * filled in and posted with everything a browser sends (CSRF token, idempotency key, every row).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CampaignPagesIT {

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void aReviewerCreatesACampaignThroughTheFormThenEditsItAndSeesWhatChanged() {
        RequestSpecification browser = browser("rita", "reviewer");
        String id = CampaignsIT.newId();
        Document blank = page(browser, "/ui/campaigns/new", 200);
        assertThat(blank.select("header nav a[href=/ui/campaigns]").text()).isEqualTo("Campaigns");
        blank.select("#campaignId").val(id);
        blank.select("#name").val("Spring for bakers");
        blank.select("#product").val("OvenBook");
        blank.select("#senderName").val("Sam Carter");
        blank.select("#senderCompany").val("OvenBook Ltd");
        blank.select("#senderPostalAddress").val("2 Canal Street, Leeds LS1 4AB");
        blank.select("#senderEmail").val("sam@ovenbook.example");
        blank.select("#languages").val("en, DE");
        blank.select("input[name=channel][value=telegram]").attr("checked", "checked");
        blank.select("#statementText-1").val("Customers pre-order bread for collection.");
        blank.select("#statementSource-1").val("brief:1");
        blank.select("#statementTranslations-1").val("de: Kunden bestellen Brot zur Abholung vor.\n");
        blank.select("#statementKind-2 option").removeAttr("selected");
        blank.select("#statementKind-2 option[value=price]").attr("selected", "selected");
        blank.select("#statementText-2").val("From GBP 29 a month.");
        blank.select("#statementSource-2").val("https://ovenbook.example/pricing");
        blank.select("input[name=stepDay]").get(1).val("3");

        Response created = post(browser, blank, "#campaign-form");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).contains("/ui/campaigns/" + id).contains("notice=Created+as+version+1");
        given().get("/api/campaigns/" + id).then().statusCode(200).body("updatedBy", equalTo("rita"))
                .body("channels", contains("email", "telegram")).body("languages", contains("en", "de"))
                .body("offering.statements.id", contains("value-1", "price-1"))
                .body("offering.statements[0].translations.de", equalTo("Kunden bestellen Brot zur Abholung vor."))
                .body("sequence.dayOffset", contains(0, 3)).body("sequence.purpose", contains("intro", "follow-up"))
                .body("sendPreferences.days", contains("MON", "TUE", "WED", "THU", "FRI"))
                .body("sendPreferences.windowStart", equalTo("09:00"));

        Document edit = page(browser, "/ui/campaigns/" + id + "/edit", 200);
        assertThat(edit.select("#name").val()).isEqualTo("Spring for bakers");
        assertThat(edit.select("#statementTranslations-1").val()).isEqualTo("de: Kunden bestellen Brot zur Abholung vor.");
        assertThat(edit.select("#save-campaign").text()).isEqualTo("Save as version 2");
        edit.select("#name").val("Spring for bakers and cafes");
        edit.select("#statementText-2").val("From GBP 25 a month.");
        // a field of a few kilobytes, as two long translations make
        edit.select("#languages").val("en, de, nl");
        edit.select("#statementTranslations-1").val("de: " + "ä".repeat(1000) + "\nnl: " + "ë".repeat(1000));
        Response saved = post(browser, edit, "#campaign-form");
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        assertThat(saved.header("Location")).contains("notice=Saved+as+version+2");
        given().get("/api/campaigns/" + id).then().body("offering.statements[0].translations.nl", equalTo("ë".repeat(1000)));

        Document campaign = page(browser, "/ui/campaigns/" + id, 200);
        assertThat(campaign.select("h1").text()).contains("Spring for bakers and cafes").contains("version 2");
        assertThat(campaign.select("#versions").text()).contains("Version 2").contains("offering.statements[price-1].text")
                .contains("From GBP 29 a month.").contains("From GBP 25 a month.").contains("Created.");
        assertThat(page(browser, "/ui/campaigns", 200).select("tr[data-campaign-id=" + id + "]").text())
                .contains("Spring for bakers and cafes").contains("active");
    }

    @Test
    void aRefusedFormComesBackWithWhatWasTypedAndEveryReasonAndNothingIsSaved() throws Exception {
        RequestSpecification browser = browser("rita", "reviewer");
        String id = CampaignsIT.newId();
        Document blank = page(browser, "/ui/campaigns/new", 200);
        String key = blank.select("#campaign-form input[name=idempotencyKey]").val();
        blank.select("#campaignId").val(id);
        blank.select("#name").val("Half-filled");
        blank.select("#senderEmail").val("not an address");
        blank.select("#statementText-1").val("Something true.");
        blank.select("input[name=stepDay]").get(1).val("soon");
        // a browser sends nothing at all for a group of boxes none of which is ticked
        blank.select("input[name=channel], input[name=day]").removeAttr("checked");

        Document refused = Jsoup.parse(post(browser, blank, "#campaign-form").then().statusCode(422).extract().asString());
        assertThat(refused.select(".flash.error").text()).contains("step 2's day must be a whole number");
        refused.select("input[name=stepDay]").get(1).val("");
        Response again = post(browser, refused, "#campaign-form");
        assertThat(again.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(again.asString());
        assertThat(page.select(".flash.error").text()).contains("sender.email").contains("offering.product")
                .contains("offering.statements[0].source").contains("channels needs at least one")
                .contains("sendPreferences.days needs at least one");
        assertThat(page.select("#name").val()).isEqualTo("Half-filled");
        assertThat(page.select("#statementText-1").val()).isEqualTo("Something true.");
        assertThat(page.select("#campaign-form input[name=idempotencyKey]").val()).as("the same submission").isEqualTo(key);
        assertThat(HitlApiIT.count("select count(*) from campaigns where campaign_id = ?", id)).isZero();
    }

    @Test
    void pauseActivateAndArchiveAreFormsOfTheirOwnAndAViewerIsOfferedNone() throws Exception {
        String id = CampaignsIT.newId();
        given().contentType(ContentType.JSON).body(CampaignsIT.sample(id).toString()).post("/api/campaigns").then().statusCode(201);
        RequestSpecification browser = browser(Reviewers.ADMIN, null);

        Document active = page(browser, "/ui/campaigns/" + id, 200);
        assertThat(active.select("#activate-campaign")).isEmpty();
        String pauseKey = active.select("form[action$=/pause] input[name=idempotencyKey]").val();
        assertThat(pauseKey).isNotBlank().isNotEqualTo(active.select("form[action$=/archive] input[name=idempotencyKey]").val());
        assertThat(post(browser, active, "form[action$=/pause]").header("Location")).contains("notice=Now+paused%3A+version+2");
        // the same form sent twice (a double click) pauses once
        assertThat(post(browser, active, "form[action$=/pause]").header("Location")).contains("notice=Now+paused%3A+version+2");

        Document paused = page(browser, "/ui/campaigns/" + id, 200);
        assertThat(paused.select("#campaign-status").text()).isEqualTo("paused");
        assertThat(post(browser, paused, "form[action$=/activate]").header("Location")).contains("version+3");
        // a form from before the activation names an older version: refused, and said so
        assertThat(post(browser, paused, "form[action$=/archive]").header("Location")).contains("error=").contains("version+3");
        Document again = page(browser, "/ui/campaigns/" + id, 200);
        assertThat(post(browser, again, "form[action$=/archive]").header("Location")).contains("notice=Now+archived");
        Document archived = page(browser, "/ui/campaigns/" + id, 200);
        assertThat(archived.select("#campaign-actions")).as("an archived campaign offers no change").isEmpty();
        assertThat(archived.select("#versions").text()).contains("Version 4").contains("status");

        RequestSpecification viewer = browser("vera", "viewer");
        Document seen = page(viewer, "/ui/campaigns/" + id, 200);
        assertThat(seen.select("#campaign-actions")).isEmpty();
        assertThat(page(viewer, "/ui/campaigns", 200).select("#new-campaign")).isEmpty();
        given().spec(viewer).get("/ui/campaigns/new").then().statusCode(403);
        // with the viewer's own CSRF token, so only the role can refuse it
        given().spec(viewer).contentType(ContentType.URLENC).formParam("csrf-token", seen.select("input[name=csrf-token]").val())
                .formParam("idempotencyKey", "viewer-pause").formParam("version", "4").redirects().follow(false)
                .post("/ui/campaigns/" + id + "/pause").then().statusCode(403);
        assertThat(HitlApiIT.count("select count(*) from campaign_versions where campaign_id = ?", id)).isEqualTo(4);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothing() throws Exception {
        String id = CampaignsIT.newId();
        given().contentType(ContentType.JSON).body(CampaignsIT.sample(id).toString()).post("/api/campaigns").then().statusCode(201);
        RequestSpecification browser = browser(Reviewers.ADMIN, null);
        Document page = page(browser, "/ui/campaigns/" + id, 200);
        page.select("form[action$=/pause] input[name=csrf-token]").remove();
        assertThat(post(browser, page, "form[action$=/pause]").statusCode()).isEqualTo(400);
        assertThat(HitlApiIT.count("select count(*) from campaign_versions where campaign_id = ?", id)).isEqualTo(1);
    }

    /** A browser's session: signed in through the sign-in form, its cookies kept. */
    private static RequestSpecification browser(String username, String role) {
        String password = role == null ? Reviewers.ADMIN_PASSWORD : Reviewers.PASSWORD;
        if (role != null) {
            Reviewers.as(username, role);
        }
        CookieFilter cookies = new CookieFilter();
        given().auth().none().filter(cookies).get("/ui/login").then().statusCode(200);
        given().auth().none().filter(cookies).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302);
        return given().auth().none().filter(cookies);
    }

    private static Document page(RequestSpecification browser, String path, int status) {
        return Jsoup.parse(given().spec(browser).get(path).then().statusCode(status).extract().asString(), "http://ui.test" + path);
    }

    /** Posts the form as a browser would: every field it holds, repeated names in page order. */
    private static Response post(RequestSpecification browser, Document page, String formSelector) {
        FormElement form = (FormElement) page.selectFirst(formSelector);
        String body = form.formData().stream().map(field -> encode(field.key()) + "=" + encode(field.value()))
                .collect(Collectors.joining("&"));
        return given().spec(browser).redirects().follow(false).contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .body(body).post(form.attr("action"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
