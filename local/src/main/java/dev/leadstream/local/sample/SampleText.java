package dev.leadstream.local.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a sample business's site says, in its language: {@code sample-text_<language>.properties}
 * beside this class, the same keys in every language. A text names its blanks, {@code {name}}.
 */
final class SampleText {

    private static final Map<String, SampleText> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Properties texts = new Properties();

    private SampleText(String language) {
        String file = "sample-text_" + language + ".properties";
        try (InputStream in = SampleText.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample texts in " + language + " (" + file + ")");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SampleText of(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, SampleText::new);
    }

    /** The text under {@code key}, each {@code {blank}} filled from the pairs: blank, value, blank, value… */
    String get(String key, String... blanksAndValues) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no sample text " + key);
        }
        for (int i = 0; i + 1 < blanksAndValues.length; i += 2) {
            text = text.replace("{" + blanksAndValues[i] + "}", blanksAndValues[i + 1]);
        }
        return text;
    }

    /** A comma-separated list. */
    List<String> list(String key) {
        return Arrays.stream(get(key).split(",")).map(String::trim).toList();
    }
}
