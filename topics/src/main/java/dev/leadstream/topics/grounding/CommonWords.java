package dev.leadstream.topics.grounding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Words a language writes with a capital that name nobody: pronouns of address ("Sie", "I") and,
 * in German, the common nouns of business letters ("Kunden", "Woche"). Anything else capitalised
 * inside a sentence is taken for a proper name and must be carried by a cited fact.
 */
final class CommonWords {

    private static final Map<String, Set<String>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private CommonWords() {
    }

    static Set<String> capitalised(String language) {
        String key = language == null ? "en" : language;
        return BY_LANGUAGE.computeIfAbsent(key, CommonWords::load);
    }

    private static Set<String> load(String language) {
        InputStream in = CommonWords.class.getResourceAsStream("capitalised-" + language + ".txt");
        if (in == null) {
            return Set.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(ClaimTokens::fold).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
