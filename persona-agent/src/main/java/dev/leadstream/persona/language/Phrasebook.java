package dev.leadstream.persona.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentences and words the deterministic writer speaks a language with, from
 * {@code phrases-<language>.txt}: {@code key = text}, a key repeated for each alternative, slots
 * in braces ({@code {name}}) that only the lead's or campaign's facts fill. Every language has
 * the same keys ({@code PhrasebookTest} holds them together).
 */
public final class Phrasebook {

    private static final Map<String, Phrasebook> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Map<String, List<String>> phrases;

    private Phrasebook(String language, Map<String, List<String>> phrases) {
        this.language = language;
        this.phrases = phrases;
    }

    public static Phrasebook of(String language) {
        return LOADED.computeIfAbsent(language, Phrasebook::load);
    }

    public static boolean exists(String language) {
        return Phrasebook.class.getResource("phrases-" + language + ".txt") != null;
    }

    public String language() {
        return language;
    }

    public Set<String> keys() {
        return phrases.keySet();
    }

    public boolean has(String key) {
        return phrases.containsKey(key);
    }

    /** Every alternative of {@code key}. */
    public List<String> all(String key) {
        List<String> found = phrases.get(key);
        if (found == null) {
            throw new IllegalArgumentException("phrases-" + language + ".txt has no " + key);
        }
        return found;
    }

    /** The one word or phrase a key names (a sector's noun, say), or {@code orElse} when there is none. */
    public String word(String key, String orElse) {
        return has(key) ? all(key).getFirst() : orElse;
    }

    private static Phrasebook load(String language) {
        InputStream in = Phrasebook.class.getResourceAsStream("phrases-" + language + ".txt");
        if (in == null) {
            throw new IllegalArgumentException("no phrasebook for language " + language);
        }
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int equals = line.indexOf(" = ");
                if (line.isBlank() || line.startsWith("#") || equals < 0) {
                    continue;
                }
                phrases.computeIfAbsent(line.substring(0, equals).strip(), k -> new ArrayList<>()).add(line.substring(equals + 3).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        phrases.replaceAll((k, v) -> List.copyOf(v));
        return new Phrasebook(language, Map.copyOf(phrases));
    }
}
