package dev.leadstream.hitl;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The content editor's page for a grounded draft, as a browser gets and posts it: each message
 * with its sentences and their facts, unsupported sentences marked with why, approval refused in
 * words until an edit fixes them, and a regeneration asked for with an instruction.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class GroundedEditorIT {

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @Test
    void everyMessageShowsItsSentencesWithTheFactsTheyCiteAndTheUnsupportedOnesWithWhy() throws Exception {
        Draft draft = GroundedDrafts.withInventedClaim(UUID.randomUUID().toString(), lead(), "spring");
        Rows.draft(draft);
        Document page = page(draft.draftId());

        assertThat(page.select(".message").eachAttr("data-variant"))
                .containsExactly(GroundedDrafts.FIRST_EMAIL, GroundedDrafts.FOLLOW_UP, GroundedDrafts.TELEGRAM);
        Element first = message(page, GroundedDrafts.FIRST_EMAIL);
        assertThat(first.select("h2").text()).isEqualTo("email · step 0, day 0 · " + GroundedDrafts.FIRST_EMAIL);
        assertThat(first.select("input[name=subject]").val()).isEqualTo("Sourdough in Leeds");

        Element invented = sentence(first, GroundedDrafts.INVENTED);
        assertThat(invented.hasClass("statement-unsupported")).isTrue();
        assertThat(invented.select("mark").text()).isEqualTo(GroundedDrafts.INVENTED);
        assertThat(invented.select(".reason").text()).contains("1990");

        Element hook = sentence(first, GroundedDrafts.HOOK);
        assertThat(hook.hasClass("statement-supported")).isTrue();
        assertThat(hook.select("mark")).isEmpty();
        assertThat(hook.select(".facts li").eachText()).containsExactly(
                "description “Sourdough and rye, baked daily since 2012” " + GroundedDrafts.PAGE,
                "location.city “Leeds” " + GroundedDrafts.PAGE);
        assertThat(hook.select(".facts a").eachAttr("href")).containsOnly(GroundedDrafts.PAGE);
        assertThat(sentence(first, "Would a short call next week suit you?").select(".facts").text()).isEqualTo("cites no fact");

        assertThat(page.select("#unsupported").text()).contains(GroundedDrafts.INVENTED).contains("1990")
                .contains("cannot be approved");
        assertThat(page.select("#persona .statement").text()).contains("Rose Bakery bakes sourdough in Leeds.");
        Element price = page.select("#facts tr:contains(GBP 29)").first();
        assertThat(price).as("the campaign's price fact").isNotNull();
        assertThat(price.select("a")).as("a line of the brief is no link").isEmpty();
        assertThat(price.text()).contains("brief:4");
        assertThat(page.select("#draft-campaign").text()).contains("spring").contains("en");

        List<String> keys = page.select("form input[name=idempotencyKey]").eachAttr("value");
        assertThat(keys).as("each form its own key: three messages, regenerate, approve, reject").hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void approvalIsRefusedInWordsUntilAnEditOfTheMessageMakesEverySentenceSupported() throws Exception {
        Draft draft = GroundedDrafts.withInventedClaim(UUID.randomUUID().toString(), lead(), "spring");
        Rows.draft(draft);
        Document page = page(draft.draftId());

        String refused = post(page, "form[action$=/approve]", Map.of());
        assertThat(refused).contains("error=");
        Document after = page(draft.draftId(), refused);
        assertThat(after.select(".flash.error").text()).contains(GroundedDrafts.INVENTED).contains("1990");

        Draft.Message first = draft.firstTouch("email").orElseThrow();
        String saved = post(message(after, GroundedDrafts.FIRST_EMAIL).selectFirst("form"), Map.of(
                "text", first.text().replace(GroundedDrafts.INVENTED, "Rose Bakery has baked since 2012."),
                "html", first.html().replace(GroundedDrafts.INVENTED, "Rose Bakery has baked since 2012.")));
        assertThat(saved).contains("notice=Saved+as+version+2");
        Document fixed = page(draft.draftId());
        assertThat(fixed.select("#unsupported")).isEmpty();
        assertThat(sentence(message(fixed, GroundedDrafts.FIRST_EMAIL), "Rose Bakery has baked since 2012.")
                .hasClass("statement-supported")).isTrue();
        assertThat(fixed.select("#versions").text()).contains("Version 2").contains("message." + GroundedDrafts.FIRST_EMAIL + ".text");

        assertThat(post(fixed, "form[action$=/approve]", Map.of())).contains("notice=Approved");
        given().get("/api/drafts/" + draft.draftId()).then().body("status", equalTo("approved"));
    }

    @Test
    void aRegenerationIsAskedForWithAnInstructionAndThePageSaysItIsBeingWritten() throws Exception {
        Campaign campaign = Campaigns.create(Campaign.ACTIVE, List.of());
        String leadId = lead();
        Draft draft = GroundedDrafts.supported(UUID.randomUUID().toString(), leadId, campaign.campaignId());
        Rows.draft(draft);
        Document page = page(draft.draftId());

        assertThat(post(page, "#regenerate", Map.of("instruction", " "))).contains("error=").contains("instruction");
        assertThat(post(page(draft.draftId()), "#regenerate", Map.of("instruction", "shorter, in German")))
                .contains("notice=Asked+persona-agent+for+version+2");
        Document waiting = page(draft.draftId());
        assertThat(waiting.select("#generation-status").text()).isEqualTo("regenerating");
        assertThat(waiting.select("#regenerating").text()).contains("version 2");
        assertThat(waiting.select("form[action$=/approve], #regenerate, .save-message")).isEmpty();
        assertThat(HitlApiIT.count("select count(*) from decisions where kind = 'draft.regenerate' and subject_id = ?"
                + " and comment = 'shorter, in German'", draft.draftId())).isEqualTo(1);
    }

    private RequestSpecification browser;

    /** The editor in a fresh browser session, which {@link #post} then posts from. */
    private Document page(String draftId) {
        return page(draftId, "/ui/drafts/" + draftId);
    }

    private Document page(String draftId, String location) {
        browser = UiFormsIT.browser(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        String path = location.replaceFirst("^https?://[^/]+", "");
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        RequestSpecification request = browser;
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            request = request.queryParam(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return Jsoup.parse(request.get("/ui/drafts/" + draftId).then().statusCode(200).extract().asString());
    }

    private String post(Document page, String formSelector, Map<String, String> fields) {
        Element form = page.selectFirst(formSelector);
        assertThat(form).as(formSelector).isNotNull();
        return post(form, fields);
    }

    /** Posts the form as a browser does, with what its fields hold but {@code fields} typed over; answers where it redirects. */
    private String post(Element form, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[name], textarea[name]").forEach(field -> values.put(field.attr("name"), field.val()));
        values.putAll(fields);
        RequestSpecification request = browser.contentType(ContentType.URLENC).redirects().follow(false);
        for (Map.Entry<String, String> value : values.entrySet()) {
            request = request.formParam(value.getKey(), value.getValue());
        }
        return request.post(form.attr("action")).then().statusCode(303).extract().header("Location");
    }

    private static Element message(Document page, String variantId) {
        return page.select(".message").stream().filter(m -> m.attr("data-variant").equals(variantId)).findFirst().orElseThrow();
    }

    private static Element sentence(Element message, String text) {
        return message.select("li.statement").stream().filter(s -> s.ownText().strip().equals(text) || s.select("> mark").text().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no sentence \"" + text + "\" in " + message.select("li.statement").eachText()));
    }

    private static String lead() throws Exception {
        String leadId = "editor-" + UUID.randomUUID() + ".test";
        Rows.leads(List.of(leadId), "uk-food");
        return leadId;
    }
}
