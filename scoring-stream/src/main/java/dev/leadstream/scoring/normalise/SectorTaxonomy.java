package dev.leadstream.scoring.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a lead's categories and keywords to one sector of the taxonomy in
 * {@code sector-taxonomy.txt}, and says which word decided it.
 */
public final class SectorTaxonomy {

    public record Sector(String id, String reason) {
    }

    private final Map<String, List<String>> wordsBySector;

    public SectorTaxonomy(Map<String, List<String>> wordsBySector) {
        this.wordsBySector = new LinkedHashMap<>(wordsBySector);
    }

    public static SectorTaxonomy standard() {
        try (InputStream in = SectorTaxonomy.class.getResourceAsStream("/sector-taxonomy.txt")) {
            Map<String, List<String>> sectors = new LinkedHashMap<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains(":"))
                    .forEach(l -> sectors.put(l.substring(0, l.indexOf(':')).trim(),
                            Arrays.stream(l.substring(l.indexOf(':') + 1).split(",")).map(String::trim)
                                    .filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList()));
            return new SectorTaxonomy(sectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knows(String sector) {
        return wordsBySector.containsKey(sector);
    }

    public Optional<Sector> sectorOf(List<String> categories, String name, String description) {
        List<String[]> texts = new ArrayList<>();
        categories.forEach(c -> texts.add(new String[] {"category", c}));
        texts.add(new String[] {"name", name});
        texts.add(new String[] {"description", description});
        for (String[] text : texts) {
            String words = words(text[1]);
            if (words.isBlank()) {
                continue;
            }
            for (Map.Entry<String, List<String>> sector : wordsBySector.entrySet()) {
                for (String word : sector.getValue()) {
                    if (words.contains(" " + word + " ") || words.replace(" ", "").equals(word)) {
                        return Optional.of(new Sector(sector.getKey(),
                                text[0] + " \"" + abbreviated(text[1].trim()) + "\" says \"" + word + "\""));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** " cafe or coffee shop " from "CafeOrCoffeeShop": space-separated lower-case words with a space at each end. */
    private static String words(String text) {
        if (text == null) {
            return "";
        }
        String spaced = text.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ");
        return " " + spaced.trim() + " ";
    }
}
