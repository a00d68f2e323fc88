package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Promises only the campaign may make: guarantees and "free". A statement may use such a word
 * when a fact it cites says it too (the campaign's "first month free", the lead's "gluten-free").
 */
final class ForbiddenPromises implements ContentRule {

    static final String RULE = "forbidden-promise";
    private static final Pattern PROMISE = Pattern.compile("(?iu)(?<![\\p{L}])(guarantee[sd]?|guaranteeing|garantiert|garantieren"
            + "|garantie|gegarandeerd|garanderen|garanti[es]*|garantit|free|kostenlos|kostenfrei|gratis|umsonst|gratuit[es]*"
            + "|gratuitement)(?![\\p{L}])");

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message m, String language, Facts facts) {
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        for (Draft.Statement s : m.statements()) {
            Matcher promise = PROMISE.matcher(s.text());
            while (promise.find()) {
                String word = promise.group(1).toLowerCase(Locale.ROOT);
                boolean stated = s.factIds().stream().map(facts::value).flatMap(Optional::stream)
                        .anyMatch(v -> PROMISE.matcher(v).results().anyMatch(r -> r.group(1).equalsIgnoreCase(word)));
                if (!stated) {
                    found.add(ContentRule.warning(RULE, m, "\"" + word + "\" promises what no cited fact states: \"" + s.text() + "\""));
                }
            }
        }
        return found;
    }
}
