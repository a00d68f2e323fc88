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

    private static Draft draft(String html) {
        return new Draft("d", "l", 1, null, new Draft.Email("a@b.test", "Hello", "Hi", html), List.of(), List.of(),
                List.of(new Draft.GuardrailFinding("grounded", "info", "ok")), Provenance.of("t", "1", null), "default");
    }
}
