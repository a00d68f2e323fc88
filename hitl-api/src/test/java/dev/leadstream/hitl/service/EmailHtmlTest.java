package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailHtmlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Hi</p><script>alert(1)</script>",
            "<p onclick=\"alert(1)\">Hi</p>",
            "<img src=\"https://rose.test/a.png\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">bread</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">bread</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">bread</a>",
            "<iframe src=\"https://evil.test/\"></iframe><p>Hi</p>",
            "<form action=\"https://evil.test/\"><input name=\"pw\"></form>",
            "<style>body{background:url(javascript:alert(1))}</style><p>Hi</p>",
            "<svg><script>alert(1)</script></svg>",
            "<object data=\"https://evil.test/x.swf\"></object>",
            "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.test/\">"})
    void whatEmailMustNotCarryIsRemovedAndFlagged(String html) {
        Draft sanitised = EmailHtml.sanitised(draft(html));

        Document kept = Jsoup.parseBodyFragment(sanitised.email().htmlBody());
        assertThat(kept.select("script, style, iframe, form, input, object, svg, meta")).isEmpty();
        assertThat(kept.getAllElements().stream().flatMap(e -> e.attributes().asList().stream()))
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on"))
                .noneMatch(a -> a.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:"))
                .noneMatch(a -> a.getValue().toLowerCase().startsWith("data:"));
        assertThat(sanitised.findings()).extracting(Draft.GuardrailFinding::rule).contains(EmailHtml.RULE);
        assertThat(sanitised.version()).isEqualTo(1);
    }

    @Test
    void safeEmailHtmlIsKeptAsItIsWithNoFinding() {
        String html = "<p>Hi <strong>Rose</strong>,</p><p>See <a href=\"https://rose.test/bread\">our bread</a>"
                + " or <a href=\"mailto:ana@agency.test\">write</a>.</p><table><tr><td>Loaf</td></tr></table>"
                + "<img src=\"https://rose.test/a.png\" alt=\"loaf\">";
        Draft draft = draft(html);
        assertThat(EmailHtml.sanitised(draft)).isSameAs(draft);
    }

    @Test
    void theTextThatWasSafeSurvivesAndASecondPassAddsNoSecondFinding() {
        Draft once = EmailHtml.sanitised(draft("<p>Fresh bread<script>x()</script> every morning</p>"));
        assertThat(Jsoup.parseBodyFragment(once.email().htmlBody()).text()).isEqualTo("Fresh bread every morning");
        Draft twice = EmailHtml.sanitised(new Draft(once.draftId(), once.leadId(), 2, once.persona(),
                new Draft.Email("a@b.test", "s", "t", "<p onmouseover=\"x()\">again</p>"), List.of(), List.of(), once.findings(),
                once.provenance(), once.segment()));
        assertThat(twice.findings()).filteredOn(f -> f.rule().equals(EmailHtml.RULE)).hasSize(1);
    }

    @Test
    void theUnsubscribePlaceholderLinkSurvivesCleaning() {
        Draft sanitised = EmailHtml.sanitised(draft("<p onclick=\"x()\">Hi</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>"));

        assertThat(sanitised.email().htmlBody()).doesNotContain("onclick")
                .contains("<a href=\"" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "\">Unsubscribe</a>");
    }

    @Test
    void aWholeDocumentWithInlineStylesAndThePlaceholderIsSafeAsItIs() {
        String html = "<!doctype html><html lang=\"de\"><body><div style=\"display:none;max-height:0;overflow:hidden\">Kurz</div>"
                + "<p>Guten Tag,</p><p style=\"font-size:12px;color:rgb(102,102,102)\">2 Canal Wharf<br>"
                + "<a href=\"{{unsubscribe_url}}\">Abmelden</a></p></body></html>";
        Draft draft = draft(html);
        assertThat(EmailHtml.sanitised(draft)).isSameAs(draft);
    }

    @ParameterizedTest
    @ValueSource(strings = {"background:url(https://evil.test/pixel.png)", "width:expression(alert(1))",
            "background:u\\72l(https://evil.test/)", "color:red;/**/behavior:url(x.htc)", "-moz-binding:url(x.xml#x)"})
    void aStyleThatFetchesOrRunsSomethingIsRemovedAndTheRestKept(String style) {
        Draft sanitised = EmailHtml.sanitised(draft("<p style=\"" + style + "\">Hi</p><p style=\"color:#333333\">there</p>"));

        Document kept = Jsoup.parseBodyFragment(sanitised.email().htmlBody());
        assertThat(kept.select("p").eachAttr("style")).containsExactly("color:#333333");
        assertThat(kept.text()).isEqualTo("Hi there");
        assertThat(sanitised.findings()).extracting(Draft.GuardrailFinding::rule).contains(EmailHtml.RULE);
    }

    @Test
    void everyEmailMessageIsCleanedAndTheEmailFollowsThePrimaryVariantWithNothingElseLost() {
        Draft.Message primary = email("email:0:a", 0, "<p>Hi</p><script>x()</script><a href=\"{{unsubscribe_url}}\">Stop</a>");
        Draft.Message followUp = email("email:1:a", 1, "<p onmouseover=\"x()\">Again</p>");
        Draft.Message telegram = new Draft.Message("telegram:0:a", "telegram", 0, 0, null, null, null, "Hallo", null, List.of(), null,
                List.of());
        Draft draft = new Draft("d", "l", 3, null, new Draft.Email("a@b.test", "Old", "Old", "<p>Old</p>"), List.of(), List.of(),
                List.of(), Provenance.of("t", "1", null), "default", "spring", 4, "de", List.of(primary, followUp, telegram),
                List.of(new Draft.Fact("lead:name", "lead", "name", "Rose", "https://rose.test/")), null);

        Draft sanitised = EmailHtml.sanitised(draft);

        assertThat(sanitised.messages()).extracting(Draft.Message::html)
                .containsExactly("<p>Hi</p><a href=\"{{unsubscribe_url}}\">Stop</a>", "<p>Again</p>", null);
        assertThat(sanitised.email().htmlBody()).isEqualTo(sanitised.messages().get(0).html());
        assertThat(sanitised.email().subject()).isEqualTo("Subject email:0:a");
        assertThat(sanitised.socialPosts()).containsExactly(new Draft.SocialPost("telegram", "Hallo"));
        assertThat(sanitised).extracting(Draft::version, Draft::campaignId, Draft::campaignVersion, Draft::language)
                .containsExactly(3, "spring", 4, "de");
        assertThat(sanitised.facts()).isEqualTo(draft.facts());
    }

    private static Draft.Message email(String variantId, int step, String html) {
        return new Draft.Message(variantId, "email", step, step * 3, "a@b.test", "Subject " + variantId, null, "Text", html,
                List.of(), null, List.of());
    }

    private static Draft draft(String html) {
        return new Draft("d", "l", 1, null, new Draft.Email("a@b.test", "Hello", "Hi", html), List.of(), List.of(),
                List.of(new Draft.GuardrailFinding("grounded", "info", "ok")), Provenance.of("t", "1", null), "default");
    }
}
