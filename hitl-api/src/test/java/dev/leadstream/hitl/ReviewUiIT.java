package dev.leadstream.hitl;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The review UI in a real headless Chromium (Debian's {@code chromium}, driven by Playwright),
 * against hitl-api on the real broker and database: sign in, filter, select a lead, edit and
 * approve a draft, and see the decisions in the outbox. Screenshots of every page are kept in
 * {@code target/ui-screenshots}. Without a browser the test reports skipped.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ReviewUiIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("leadstream.test.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    @TestHTTPResource("/")
    URL base;

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private final AtomicInteger dialogs = new AtomicInteger();

    @BeforeAll
    static void signIn() {
        Reviewers.signInAsAdmin();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no browser at " + CHROMIUM);
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        page = context.newPage();
        // a script smuggled in through lead data would open a dialog
        page.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });
    }

    @AfterEach
    void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aReviewerSignsInFiltersSelectsALeadEditsAndApprovesItsDraft() throws Exception {
        String tag = "uitest" + System.nanoTime();
        String best = tag + "-rose.test";
        String good = tag + "-oak.test";
        String weak = tag + "-elm.test";
        publish(lead(best, "<script>alert('owned')</script> " + tag + " Rose Bakery", 91));
        publish(lead(good, tag + " Oak Cafe", 80));
        publish(lead(weak, tag + " Elm Stores", 30));
        Draft draft = draft(best);
        probe.send(Topics.DRAFTS, draft.leadId(), draft);
        String campaignId = Campaigns.everySegment();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/drafts/" + draft.draftId()).statusCode() == 200);

        page.navigate(url("ui/leads"));
        assertThat(page).hasURL(url("ui/login"));
        shot("01-sign-in");
        page.fill("#username", Reviewers.ADMIN);
        page.fill("#password", Reviewers.ADMIN_PASSWORD);
        page.click("#sign-in");
        assertThat(page.locator("#signed-in-as")).hasText(Reviewers.ADMIN);

        page.fill("#q", tag);
        page.check("input[name=tier][value=A]");
        page.click("#apply-filters");
        assertThat(page.locator("#lead-table tbody tr")).hasCount(2);
        assertThat(page.locator("tr[data-lead-id='" + best + "'] .lead-name"))
                .hasText("<script>alert('owned')</script> " + tag + " Rose Bakery");
        assertThat(page.locator("tr[data-lead-id='" + weak + "']")).hasCount(0);
        shot("02-lead-table-filtered");

        page.check("tr[data-lead-id='" + best + "'] input[name=leadId]");
        page.fill("#comment", "bakes for cafes");
        page.selectOption("#bulk-campaign", campaignId);
        page.click("#bulk-select");
        assertThat(page.locator(".flash.ok")).containsText("Selected 1 lead");
        assertThat(page.locator("tr[data-lead-id='" + best + "'] .status")).hasText("selected");
        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'lead.selected'"
                + " and payload->>'leadId' = ? and payload->>'reviewer' = 'admin'", best)).isEqualTo(1);
        shot("03-lead-selected");

        page.click("tr[data-lead-id='" + best + "'] .lead-name");
        page.click(".draft-link");
        assertThat(page.locator("#draft-status")).hasText("pending");
        assertThat(page.locator("#findings")).containsText("unverified-claim");
        assertThat(page.locator("#claims")).containsText("website.description");
        assertThat(page.locator("#preview-linkedin")).containsText("see more");
        page.fill("#subject", "Sourdough for " + tag);
        page.fill("#post-x", "Fresh sourdough every morning #bread");
        assertThat(page.locator("#post-x-count")).hasText("36 / 280");
        assertThat(page.locator("#post-x-preview")).hasText("Fresh sourdough every morning #bread");
        shot("04-content-editor-editing");
        page.click("#save-draft");
        assertThat(page.locator(".flash.ok")).hasText("Saved as version 2");
        assertThat(page.locator("#email-preview")).containsText("Sourdough for " + tag);
        assertThat(page.locator("#versions")).containsText("Version 2");

        page.click("#approve-draft");
        assertThat(page.locator(".flash.ok")).containsText("Approved");
        assertThat(page.locator("#draft-status")).hasText("approved");
        shot("05-draft-approved");
        assertThat(HitlApiIT.count("select count(*) from outbox where payload->>'type' = 'draft.approved'"
                + " and payload->'draft'->>'draftId' = ? and payload->'draft'->>'version' = '2'"
                + " and payload->'draft'->'email'->>'subject' like 'Sourdough for %'", draft.draftId())).isEqualTo(1);

        page.navigate(url("ui/audit?leadId=" + best));
        assertThat(page.locator("#audit")).containsText("draft.approved");
        assertThat(page.locator("#audit")).containsText("lead.selected");
        shot("06-audit");
        page.navigate(url("ui/analytics"));
        assertThat(page.locator("#funnel-chart rect")).not().hasCount(0);
        shot("07-analytics");

        page.navigate(url("ui/discovery"));
        page.fill("#sector", "bakery");
        page.fill("#geography", "Leeds, GB");
        page.fill("#seedUrls", "https://" + tag + ".test/");
        page.click("#submit-discovery");
        assertThat(page.locator("#discovery-state")).hasText("queued");
        assertThat(page.locator("#request-leads")).containsText("See its 0 leads");
        shot("08-discovery-progress");

        assertThat(dialogs.get()).as("scripts run from lead data").isZero();
    }

    @Test
    void aReviewerCreatesACampaignEditsItAndPausesIt() {
        String id = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        signInAs(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        page.click("header nav a[href='/ui/campaigns']");
        page.click("#new-campaign");
        // before filling it in: a full-page shot taken just before the click kept Chromium from submitting the tall form
        shot("10-campaign-form");
        page.fill("#campaignId", id);
        page.fill("#name", "Spring for bakers");
        page.fill("#product", "OvenBook");
        page.fill("#senderName", "Sam Carter");
        page.fill("#senderCompany", "OvenBook Ltd");
        page.fill("#senderPostalAddress", "2 Canal Street, Leeds LS1 4AB");
        page.fill("#languages", "en, de");
        page.check("input[name=channel][value=instagram]");
        page.fill("#statementText-1", "Customers pre-order bread for collection.");
        page.fill("#statementSource-1", "brief:1");
        page.fill("#statementTranslations-1", "de: Kunden bestellen Brot zur Abholung vor.");
        page.fill("#statementText-2", "From GBP 29 a month.");
        page.selectOption("#statementKind-2", "price");
        page.fill("#statementSource-2", "https://ovenbook.example/pricing");
        page.locator("input[name=stepDay]").nth(1).fill("3");
        page.click("#save-campaign");
        assertThat(page.locator(".flash.ok")).hasText("Created as version 1");
        assertThat(page.locator("#statements")).containsText("Kunden bestellen Brot zur Abholung vor.");

        page.click("#edit-campaign");
        page.fill("#statementText-2", "From GBP 25 a month.");
        page.click("#save-campaign");
        assertThat(page.locator(".flash.ok")).hasText("Saved as version 2");
        assertThat(page.locator("#versions")).containsText("offering.statements[price-1].text");
        page.click("#pause-campaign");
        assertThat(page.locator("#campaign-status")).hasText("paused");
        shot("11-campaign");
        page.navigate(url("ui/campaigns"));
        assertThat(page.locator("tr[data-campaign-id='" + id + "']")).containsText("paused");
        shot("12-campaigns");
    }

    @Test
    void theEditorShowsEachSentenceWithItsFactsAndMarksTheUnsupportedOne() throws Exception {
        Draft draft = GroundedDrafts.withInventedClaim(UUID.randomUUID().toString(), "uigrounded" + System.nanoTime() + ".test", "spring");
        Rows.draft(draft);
        signInAs(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);
        page.navigate(url("ui/drafts/" + draft.draftId()));

        assertThat(page.locator("#unsupported")).containsText(GroundedDrafts.INVENTED);
        assertThat(page.locator(".statement-unsupported mark").first()).hasText(GroundedDrafts.INVENTED);
        assertThat(page.locator(".statement-unsupported .reason").first()).containsText("1990");
        assertThat(page.locator("#facts")).containsText("Sourdough and rye, baked daily since 2012");
        shot("10-grounded-editor");

        page.click("#approve-draft");
        assertThat(page.locator(".flash.error")).containsText(GroundedDrafts.INVENTED);
        assertThat(page.locator("#draft-status")).hasText("pending");
        shot("11-approval-refused-unsupported");
    }

    @Test
    void everyPageSendsASignedOutBrowserToTheSignInForm() {
        for (String pageUrl : List.of("ui", "ui/leads", "ui/leads/x.test", "ui/drafts/x", "ui/discovery", "ui/analytics", "ui/audit",
                "ui/campaigns", "ui/campaigns/new", "ui/campaigns/x")) {
            page.navigate(url(pageUrl));
            assertThat(page).hasURL(url("ui/login"));
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothingAndAViewerCannotDecide() throws Exception {
        String leadId = "uicsrf" + System.nanoTime() + ".test";
        publish(lead(leadId, "Csrf Target", 88));
        signInAs(Reviewers.ADMIN, Reviewers.ADMIN_PASSWORD);

        String anyDraft = UUID.randomUUID().toString();
        for (String form : List.of("ui/leads/decide", "ui/drafts/" + anyDraft + "/save", "ui/drafts/" + anyDraft + "/approve",
                "ui/drafts/" + anyDraft + "/reject", "ui/drafts/" + anyDraft + "/message", "ui/drafts/" + anyDraft + "/regenerate",
                "ui/discovery", "ui/logout")) {
            APIResponse forged = page.request().post(url(form), RequestOptions.create()
                    .setForm(FormData.create().set("leadId", leadId).set("action", "select").set("version", "1")
                            .set("comment", "forged").set("sector", "bakery").set("seedUrls", "https://forged.test/")
                            .set("idempotencyKey", UUID.randomUUID().toString()))
                    .setMaxRedirects(0));
            assertThat(forged.status()).as("POST " + form + " without its CSRF token").isEqualTo(400);
        }
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ?", leadId)).isZero();
        // still signed in: the forged sign-out was refused too
        page.navigate(url("ui/leads"));
        assertThat(page.locator("#signed-in-as")).hasText(Reviewers.ADMIN);

        Reviewers.as("vera", "viewer");
        context.clearCookies();
        signInAs("vera", Reviewers.PASSWORD);
        page.navigate(url("ui/leads?q=Csrf"));
        assertThat(page.locator("#bulk-select")).hasCount(0);
        String token = page.locator("input[name=csrf-token]").first().inputValue();
        // with a valid token, every form that decides something refuses a viewer
        for (String form : List.of("ui/leads/decide", "ui/drafts/" + anyDraft + "/save", "ui/drafts/" + anyDraft + "/approve",
                "ui/drafts/" + anyDraft + "/reject", "ui/drafts/" + anyDraft + "/message", "ui/drafts/" + anyDraft + "/regenerate",
                "ui/discovery")) {
            APIResponse refused = page.request().post(url(form), RequestOptions.create()
                    .setForm(FormData.create().set("leadId", leadId).set("action", "select").set("csrf-token", token)
                            .set("version", "1").set("comment", "no").set("sector", "bakery").set("seedUrls", "https://viewer.test/")
                            .set("variantId", "email:0:a").set("text", "Hi").set("instruction", "shorter")
                            .set("idempotencyKey", UUID.randomUUID().toString()))
                    .setMaxRedirects(0));
            assertThat(refused.status()).as("a viewer posting " + form).isEqualTo(403);
        }
        assertThat(HitlApiIT.count("select count(*) from discovery_requests where requested_by = ?", "vera")).isZero();
        assertThat(HitlApiIT.count("select count(*) from decisions where lead_id = ?", leadId)).isZero();
        shot("09-viewer-lead-table");
    }

    private void signInAs(String username, String password) {
        page.navigate(url("ui/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#sign-in");
        assertThat(page.locator("#signed-in-as")).hasText(username);
    }

    private void publish(ScoredLead lead) {
        probe.send(Topics.SCORED_LEADS, lead.leadId(), lead);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/leads/" + lead.leadId()).statusCode() == 200);
    }

    private String url(String path) {
        return base.toString() + path;
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static ScoredLead lead(String leadId, String name, int score) {
        return new ScoredLead(leadId, name, "https://" + leadId + "/", List.of("info@" + leadId), List.of("+441132000000"),
                "1 Mill Lane, Leeds LS1 1AA", "Bakery and cafe", List.of(), List.of("bakery"), List.of("https://" + leadId + "/"),
                "uk-food", score, ScoredLead.tierOf(score),
                List.of(new ScoredLead.FeatureContribution("has_email", 1, 30, 30, "an address on the site")), "prior-v1",
                Provenance.of("test", "1", null), "bakery", new ScoredLead.Location("1 Mill Lane", "LS1 1AA", "Leeds", null, "GB"),
                null, null, null, null, null, null, null, null, null, null);
    }

    private static Draft draft(String leadId) {
        String linkedin = "We noticed your sourdough and the queue outside every Saturday. " + "Our ovens ".repeat(20)
                + "could help you bake more without longer hours.";
        return new Draft(UUID.randomUUID().toString(), leadId, 1,
                new Draft.Persona("Owner-baker who runs a busy high-street shop", "warm", List.of("sourdough", "local suppliers")),
                new Draft.Email("info@" + leadId, "Hello from the ovens", "Hi,\n\nWe saw your sourdough.", "<p>Hi,</p><p>We saw your sourdough.</p>"),
                List.of(new Draft.SocialPost("x", "Lovely loaves"), new Draft.SocialPost("linkedin", linkedin)),
                List.of(new Draft.Claim("We saw your sourdough", List.of("website.description"))),
                List.of(new Draft.GuardrailFinding("unverified-claim", "warning", "one sentence is not backed by a fact")),
                Provenance.of("persona-agent", "test", null), "uk-food");
    }
}
