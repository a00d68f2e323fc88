package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capitals and exclamation marks the way filters and readers see shouting: a run of words in
 * capitals, a subject in capitals, two or more exclamation marks in a row, or more than one in
 * a subject or three in a text. A capitalised word a fact carries (a brand, "OK") is no shouting.
 */
final class Shouting implements ContentRule {

    static final String RULE = "shouting";
    private static final Pattern CAPITAL_WORDS = Pattern.compile("\\b\\p{Lu}{4,}(?:\\s+\\p{Lu}{2,})*\\b");
    private static final Pattern EXCLAMATION_RUN = Pattern.compile("[!¡]{2,}|[!?]{3,}|!\\?|\\?!");

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message m, String language, Facts facts) {
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        String visible = ContentRule.visible(m);
        Matcher capitals = CAPITAL_WORDS.matcher(visible);
        while (capitals.find()) {
            String run = capitals.group();
            if (facts.all().stream().noneMatch(f -> f.value().contains(run))) {
                found.add(ContentRule.warning(RULE, m, "\"" + run + "\" is written in capitals"));
                break;
            }
        }
        if (m.subject() != null && m.subject().length() > 5 && m.subject().equals(m.subject().toUpperCase(Locale.ROOT))
                && m.subject().chars().anyMatch(Character::isLetter)) {
            found.add(ContentRule.warning(RULE, m, "the subject is written in capitals"));
        }
        if (EXCLAMATION_RUN.matcher(visible).find()) {
            found.add(ContentRule.warning(RULE, m, "a run of exclamation or question marks"));
        }
        if (count(m.subject(), '!') > 1 || count(m.text(), '!') > 3) {
            found.add(ContentRule.warning(RULE, m, "too many exclamation marks"));
        }
        return found;
    }

    private static long count(String text, char c) {
        return text == null ? 0 : text.chars().filter(ch -> ch == c).count();
    }
}
