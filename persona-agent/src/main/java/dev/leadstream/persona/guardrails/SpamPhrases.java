package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phrases that content filters score as spam, per language ({@code spam-<language>.txt}); English
 * ones are checked in every language, as they are often mixed in.
 */
final class SpamPhrases implements ContentRule {

    static final String RULE = "spam-phrase";
    /** A phrase, found where it stands as words of its own: "urgent" is not in "insurgent". */
    private record Phrase(String text) {
        boolean in(String lowerCased) {
            for (int at = lowerCased.indexOf(text); at >= 0; at = lowerCased.indexOf(text, at + 1)) {
                int end = at + text.length();
                if ((at == 0 || !Character.isLetterOrDigit(lowerCased.charAt(at - 1)))
                        && (end == lowerCased.length() || !Character.isLetterOrDigit(lowerCased.charAt(end)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Map<String, List<Phrase>> BY_LANGUAGE = new ConcurrentHashMap<>();

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message message, String language, Facts facts) {
        String text = ContentRule.visible(message).toLowerCase(Locale.ROOT);
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        for (String l : "en".equals(language) ? List.of("en") : List.of(language, "en")) {
            for (Phrase phrase : phrases(l)) {
                if (phrase.in(text)) {
                    found.add(ContentRule.warning(RULE, message, "\"" + phrase.text() + "\" is a common spam-filter trigger"));
                }
            }
        }
        return found;
    }

    private static List<Phrase> phrases(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, SpamPhrases::load);
    }

    private static List<Phrase> load(String language) {
        InputStream in = SpamPhrases.class.getResourceAsStream("spam-" + language + ".txt");
        if (in == null) {
            return List.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(p -> new Phrase(p.toLowerCase(Locale.ROOT)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
