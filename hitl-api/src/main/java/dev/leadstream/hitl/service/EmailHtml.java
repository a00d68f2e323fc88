package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a draft's HTML to what an email may carry: text, formatting, inline styles, tables,
 * images and http(s)/mailto links, and the {@value Draft.Message#UNSUBSCRIBE_PLACEHOLDER} link
 * that outreach-agent fills. Scripts, style sheets, frames, forms, event handlers,
 * {@code javascript:} links and styles that load or run something are removed, and the draft
 * gets a guardrail finding saying so. A whole document (doctype, html, body) is as safe as its body.
 */
public final class EmailHtml {

    public static final String RULE = "html-sanitised";
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addProtocols("img", "src", "https")
            .addAttributes(":all", "style");
    /** The cleaner keeps only links with a protocol it allows, so the placeholder waits as one meanwhile. */
    private static final String PLACEHOLDER_STAND_IN = "https://unsubscribe-placeholder.invalid/";
    private static final Pattern CSS_FUNCTION = Pattern.compile("([a-z-]*)\\s*\\(");
    private static final Set<String> CSS_COLOUR_FUNCTIONS = Set.of("rgb", "rgba", "hsl", "hsla");
    private static final List<String> CSS_THAT_RUNS = List.of("\\", "/*", "javascript:", "expression", "behavior", "binding", "@import");

    private EmailHtml() {
    }

    /** True when the HTML holds nothing the cleaner would remove. */
    public static boolean isSafe(String html) {
        if (html == null) {
            return true;
        }
        Document document = Jsoup.parse(html.replace(Draft.Message.UNSUBSCRIBE_PLACEHOLDER, PLACEHOLDER_STAND_IN));
        return new Cleaner(SAFELIST).isValid(document)
                && document.select("[style]").stream().allMatch(e -> isSafeStyle(e.attr("style")));
    }

    /** The body of the HTML with everything an email must not carry removed. */
    public static String clean(String html) {
        Document cleaned = new Cleaner(SAFELIST).clean(Jsoup.parse(html.replace(Draft.Message.UNSUBSCRIBE_PLACEHOLDER, PLACEHOLDER_STAND_IN)));
        cleaned.select("[style]").stream().filter(e -> !isSafeStyle(e.attr("style"))).forEach(e -> e.removeAttr("style"));
        cleaned.outputSettings().prettyPrint(false);
        return cleaned.body().html().replace(PLACEHOLDER_STAND_IN, Draft.Message.UNSUBSCRIBE_PLACEHOLDER);
    }

    /** The draft with safe HTML in its email and every message; the same draft when it already was. */
    public static Draft sanitised(Draft draft) {
        boolean emailSafe = draft.email() == null || isSafe(draft.email().htmlBody());
        if (emailSafe && draft.messages().stream().allMatch(m -> isSafe(m.html()))) {
            return draft;
        }
        Draft safe = draft.messages().isEmpty()
                ? DraftCopy.withEmailAndPosts(draft, cleaned(draft.email()), draft.socialPosts())
                : DraftCopy.withMessages(draft, draft.messages().stream().map(EmailHtml::cleaned).toList());
        List<Draft.GuardrailFinding> findings = new ArrayList<>(draft.findings());
        findings.removeIf(f -> RULE.equals(f.rule()));
        findings.add(new Draft.GuardrailFinding(RULE, Draft.GuardrailFinding.WARNING,
                "removed from the HTML body what email must not carry (scripts, event handlers, javascript: links, frames, forms); check the preview"));
        return DraftCopy.withFindings(safe, findings);
    }

    private static Draft.Email cleaned(Draft.Email email) {
        return isSafe(email.htmlBody()) ? email : new Draft.Email(email.to(), email.subject(), email.textBody(), clean(email.htmlBody()));
    }

    private static Draft.Message cleaned(Draft.Message m) {
        return isSafe(m.html()) ? m : new Draft.Message(m.variantId(), m.channel(), m.step(), m.dayOffset(), m.to(), m.subject(),
                m.preheader(), m.text(), clean(m.html()), m.hashtags(), m.script(), m.statements());
    }

    /** Colours and lengths, yes; nothing that fetches (url()), runs (expression()) or hides itself (escapes, comments). */
    private static boolean isSafeStyle(String style) {
        String css = style.toLowerCase(Locale.ROOT);
        if (CSS_THAT_RUNS.stream().anyMatch(css::contains)) {
            return false;
        }
        Matcher function = CSS_FUNCTION.matcher(css);
        while (function.find()) {
            if (!CSS_COLOUR_FUNCTIONS.contains(function.group(1))) {
                return false;
            }
        }
        return true;
    }
}
