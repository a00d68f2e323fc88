package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a draft's HTML body to what an email may carry: text, formatting, tables, images and
 * http(s)/mailto links. Scripts, styles sheets, frames, forms, event handlers and
 * {@code javascript:} links are removed, and the draft gets a guardrail finding saying so.
 */
public final class EmailHtml {

    public static final String RULE = "html-sanitised";
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addProtocols("img", "src", "https");

    private EmailHtml() {
    }

    /** True when the HTML holds nothing the safelist would remove. */
    public static boolean isSafe(String html) {
        return html == null || new Cleaner(SAFELIST).isValidBodyHtml(html);
    }

    public static String clean(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, output);
    }

    /** The draft with a safe HTML body; unchanged when it already was. */
    public static Draft sanitised(Draft draft) {
        if (draft.email() == null || isSafe(draft.email().htmlBody())) {
            return draft;
        }
        Draft.Email email = new Draft.Email(draft.email().to(), draft.email().subject(), draft.email().textBody(),
                clean(draft.email().htmlBody()));
        List<Draft.GuardrailFinding> findings = new ArrayList<>(draft.findings());
        findings.removeIf(f -> RULE.equals(f.rule()));
        findings.add(new Draft.GuardrailFinding(RULE, "warn",
                "removed from the HTML body what email must not carry (scripts, event handlers, javascript: links, frames, forms); check the preview"));
        return new Draft(draft.draftId(), draft.leadId(), draft.version(), draft.persona(), email, draft.socialPosts(),
                draft.claims(), findings, draft.provenance(), draft.segment());
    }
}
