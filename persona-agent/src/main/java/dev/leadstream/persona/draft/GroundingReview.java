package dev.leadstream.persona.draft;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.HtmlText;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.grounding.GroundingGate;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a writer's content through the grounding gate. What the gate refuses is written again
 * once (the writer is told which statements failed); what still fails is cut out of its message
 * where it is a sentence of the text, and otherwise kept as {@code unsupported}, which a reviewer
 * must edit before hitl-api lets the draft be approved. Every refusal is a finding.
 */
public final class GroundingReview {

    public static final String RULE = "grounding";

    /** The checked messages, what the gate decided, and the generation with every writer call counted. */
    public record Reviewed(List<Draft.Message> messages, List<Draft.GuardrailFinding> findings, Draft.Generation generation) {
    }

    private GroundingReview() {
    }

    public static Reviewed review(ContentWriter writer, Brief brief) {
        List<Draft.GuardrailFinding> findings = new ArrayList<>();
        Written written = writer.write(brief);
        List<Draft.Message> checked = checked(written.messages(), brief);
        int attempts = written.generation().attempts();
        List<Draft.Statement> refused = unsupported(checked);
        if (!refused.isEmpty()) {
            refused.forEach(s -> findings.add(finding(Draft.GuardrailFinding.INFO, "written again: \"" + s.text() + "\" (" + s.reason() + ")")));
            written = writer.write(brief.rejecting(refused));
            checked = checked(written.messages(), brief);
            attempts += written.generation().attempts();
        }
        List<Draft.Message> kept = checked.stream().map(m -> withoutUnsupported(m, findings)).toList();
        Draft.Generation g = written.generation();
        return new Reviewed(kept, findings, new Draft.Generation(g.writer(), g.model(), g.prompt(), g.temperature(), g.promptTokens(),
                g.completionTokens(), attempts, g.fallbackReason(), brief.instruction(), g.examples()));
    }

    /** Persona statements the gate refuses are left out: a persona is only for the reviewer. */
    public static List<Draft.Statement> persona(List<Draft.Statement> statements, List<Draft.Fact> facts,
                                                List<Draft.GuardrailFinding> findings) {
        List<Draft.Statement> kept = new ArrayList<>();
        for (Draft.Statement s : GroundingGate.checkAll(statements, facts, "en")) {
            if (Draft.Statement.UNSUPPORTED.equals(s.status())) {
                findings.add(finding(Draft.GuardrailFinding.WARNING, "persona: dropped \"" + s.text() + "\" (" + s.reason() + ")"));
            } else {
                kept.add(s);
            }
        }
        return kept;
    }

    private static List<Draft.Message> checked(List<Draft.Message> messages, Brief brief) {
        return messages.stream().map(m -> new Draft.Message(m.variantId(), m.channel(), m.step(), m.dayOffset(), m.to(), m.subject(),
                m.preheader(), m.text(), m.html(), m.hashtags(), m.script(),
                GroundingGate.checkAll(m.statements(), brief.facts(), brief.language()))).toList();
    }

    private static List<Draft.Statement> unsupported(List<Draft.Message> messages) {
        return messages.stream().flatMap(m -> m.statements().stream())
                .filter(s -> Draft.Statement.UNSUPPORTED.equals(s.status())).toList();
    }

    /**
     * The message without its unsupported sentences. A statement that is not a sentence of the
     * text or script (a subject line) cannot be cut and stays, marked.
     */
    private static Draft.Message withoutUnsupported(Draft.Message m, List<Draft.GuardrailFinding> findings) {
        String text = m.text();
        String html = m.html();
        String script = m.script();
        List<Draft.Statement> kept = new ArrayList<>();
        for (Draft.Statement s : m.statements()) {
            boolean cuttable = Draft.Statement.UNSUPPORTED.equals(s.status()) && !s.text().isBlank()
                    && (contains(text, s.text()) || contains(script, s.text()));
            if (cuttable) {
                text = cut(text, s.text());
                script = cut(script, s.text());
                html = cutHtml(html, HtmlText.escape(s.text()));
                findings.add(finding(Draft.GuardrailFinding.WARNING, m.variantId() + ": dropped \"" + s.text() + "\" (" + s.reason() + ")"));
                continue;
            }
            if (Draft.Statement.UNSUPPORTED.equals(s.status())) {
                // the block is the statement's own status: hitl-api refuses approval until a reviewer's edit passes the gate
                findings.add(finding(Draft.GuardrailFinding.WARNING, m.variantId() + ": \"" + s.text() + "\" is unsupported ("
                        + s.reason() + "); edit it before approving"));
            }
            kept.add(s);
        }
        return new Draft.Message(m.variantId(), m.channel(), m.step(), m.dayOffset(), m.to(), m.subject(), m.preheader(), text, html,
                m.hashtags(), script, kept);
    }

    private static boolean contains(String text, String sentence) {
        return text != null && text.contains(sentence);
    }

    private static String cut(String text, String sentence) {
        if (text == null) {
            return null;
        }
        return text.replace(sentence, "").replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)^[ \\t]+|[ \\t]+$", "")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String cutHtml(String html, String sentence) {
        if (html == null) {
            return null;
        }
        return html.replace(sentence, "").replaceAll("(<p[^>]*>)\\s*(?:<br>\\s*)+", "$1").replaceAll("(?:\\s*<br>)+\\s*</p>", "</p>")
                .replaceAll("(<br>\\s*){2,}", "<br>").replaceAll("<p[^>]*>\\s*</p>", "");
    }

    private static Draft.GuardrailFinding finding(String severity, String message) {
        return new Draft.GuardrailFinding(RULE, severity, message);
    }
}
