package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.writer.PlatformLimits;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;

/** Content the platform would refuse: over its length or hashtag limit (see {@link PlatformLimits}). */
final class PlatformLength implements ContentRule {

    static final String RULE = "platform-limit";

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message m, String language, Facts facts) {
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        int max = PlatformLimits.textMax(m.channel());
        int length = m.text() == null ? 0 : m.text().length();
        if (length > max) {
            found.add(ContentRule.block(RULE, m, "the " + m.channel() + " text has " + length + " characters; the limit is " + max));
        }
        if ("email".equals(m.channel()) && m.html() != null && m.html().length() > PlatformLimits.EMAIL_BODY_MAX) {
            found.add(ContentRule.block(RULE, m, "the HTML body has " + m.html().length() + " characters; the limit is "
                    + PlatformLimits.EMAIL_BODY_MAX));
        }
        if ("instagram".equals(m.channel()) && m.hashtags().size() > PlatformLimits.INSTAGRAM_HASHTAGS_MAX) {
            found.add(ContentRule.block(RULE, m, m.hashtags().size() + " hashtags; Instagram takes " + PlatformLimits.INSTAGRAM_HASHTAGS_MAX));
        }
        if ("tiktok".equals(m.channel()) && m.script() != null && m.script().length() > PlatformLimits.TIKTOK_SCRIPT_MAX) {
            found.add(ContentRule.warning(RULE, m, "the script has " + m.script().length() + " characters; about "
                    + PlatformLimits.TIKTOK_SCRIPT_MAX + " fit a short video"));
        }
        return found;
    }
}
