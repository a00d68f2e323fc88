package dev.leadstream.persona.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells English, German, Dutch and French apart by their most frequent short words ("the",
 * "und", "het", "les"). Honest about its limits: it answers only when a text has at least
 * {@value #MIN_HITS} such words and one language clearly leads; a name, a list of products or a
 * mixed text get no answer rather than a guess.
 */
public final class LanguageDetector {

    static final int MIN_HITS = 3;
    /** The leader needs this share of all hits; two close languages (nl/de) otherwise stay undecided. */
    private static final double MIN_SHARE = 0.5;
    private static final List<String> LANGUAGES = List.of("en", "de", "nl", "fr");

    private final Map<String, Set<String>> stopwords = new LinkedHashMap<>();

    public LanguageDetector() {
        LANGUAGES.forEach(l -> stopwords.put(l, load(l)));
    }

    public Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")).filter(w -> !w.isEmpty()).toList();
        Map<String, Long> hits = new LinkedHashMap<>();
        stopwords.forEach((language, list) -> hits.put(language, words.stream().filter(list::contains).count()));
        long total = hits.values().stream().mapToLong(Long::longValue).sum();
        Map.Entry<String, Long> best = hits.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (best.getValue() < MIN_HITS || best.getValue() < MIN_SHARE * total) {
            return Optional.empty();
        }
        long ties = hits.values().stream().filter(v -> v.equals(best.getValue())).count();
        return ties > 1 ? Optional.empty() : Optional.of(best.getKey());
    }

    private static Set<String> load(String language) {
        InputStream in = LanguageDetector.class.getResourceAsStream("stopwords-" + language + ".txt");
        if (in == null) {
            throw new IllegalStateException("no stopwords-" + language + ".txt");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.startsWith("#")).flatMap(l -> Arrays.stream(l.split("\\s+")))
                    .filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
