package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.util.List;

/**
 * Every content rule over every message: spam phrases, shouting, links and images, subject
 * length, the parts an email must have, promises only the campaign may make, and platform limits.
 */
public final class Guardrails {

    private static final List<ContentRule> RULES = List.of(new SpamPhrases(), new Shouting(), new LinksAndImages(),
            new SubjectLength(), new RequiredEmailParts(), new ForbiddenPromises(), new PlatformLength());

    private Guardrails() {
    }

    public static List<Draft.GuardrailFinding> check(List<Draft.Message> messages, String language, Facts facts) {
        return messages.stream().flatMap(m -> RULES.stream().flatMap(rule -> rule.check(m, language, facts).stream())).toList();
    }
}
