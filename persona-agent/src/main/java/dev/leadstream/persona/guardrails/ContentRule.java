package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.util.List;

/** One family of content checks on one message; what it finds becomes the draft's guardrail findings. */
interface ContentRule {

    List<Draft.GuardrailFinding> check(Draft.Message message, String language, Facts facts);

    /** Everything a reader of the message sees: subject, preheader, text and script. */
    static String visible(Draft.Message m) {
        return String.join("\n", nonNull(m.subject()), nonNull(m.preheader()), nonNull(m.text()), nonNull(m.script()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static Draft.GuardrailFinding warning(String rule, Draft.Message m, String message) {
        return new Draft.GuardrailFinding(rule, Draft.GuardrailFinding.WARNING, m.variantId() + ": " + message);
    }

    static Draft.GuardrailFinding block(String rule, Draft.Message m, String message) {
        return new Draft.GuardrailFinding(rule, Draft.GuardrailFinding.BLOCK, m.variantId() + ": " + message);
    }
}
