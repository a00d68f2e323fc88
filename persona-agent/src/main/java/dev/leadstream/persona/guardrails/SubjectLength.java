package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.writer.PlatformLimits;
import dev.leadstream.topics.event.Draft;

import java.util.List;

/** An email needs a subject that inboxes show whole: see {@link PlatformLimits} for both figures. */
final class SubjectLength implements ContentRule {

    static final String RULE = "subject-length";

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message m, String language, Facts facts) {
        if (!"email".equals(m.channel())) {
            return List.of();
        }
        int length = m.subject() == null ? 0 : m.subject().strip().length();
        if (length == 0) {
            return List.of(ContentRule.block(RULE, m, "the email has no subject"));
        }
        if (length > PlatformLimits.EMAIL_SUBJECT_MAX) {
            return List.of(ContentRule.warning(RULE, m, "the subject has " + length + " characters; a header line should stay within "
                    + PlatformLimits.EMAIL_SUBJECT_MAX));
        }
        if (length > PlatformLimits.EMAIL_SUBJECT_GUARDRAIL) {
            return List.of(ContentRule.warning(RULE, m, "the subject has " + length + " characters; phones cut it after about "
                    + PlatformLimits.EMAIL_SUBJECT_GUARDRAIL));
        }
        return List.of();
    }
}
