package dev.leadstream.enrichment.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.SiteProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The technologies enrichment can recognise, read from a data file ({@code leadstream/fingerprints.json}
 * plus an optional file of the same shape that adds or replaces entries by name). A technology is
 * recognised when one of its patterns is found in the matching part of the crawled home page.
 */
public final class Fingerprints {

    /** The parts of a {@link SiteProfile} a pattern can look at; the names are the file's keys. */
    public enum Part {
        generator("meta generator"), scripts("script"), inlineUrls("inline script"), stylesheets("stylesheet"),
        iframes("iframe"), links("link");

        /** How the part is named when quoted as evidence. */
        public final String label;

        Part(String label) {
            this.label = label;
        }

        List<String> valuesOf(SiteProfile site) {
            return switch (this) {
                case generator -> site.generator() == null ? List.of() : List.of(site.generator());
                case scripts -> site.scripts();
                case inlineUrls -> site.inlineUrls();
                case stylesheets -> site.stylesheets();
                case iframes -> site.iframes();
                case links -> site.links();
            };
        }
    }

    public record Technology(String name, String category, Map<Part, List<Pattern>> patterns) {
    }

    /** A technology found on a page, and the value of the page that gave it away. */
    public record Match(String name, String category, Part part, String value) {
    }

    private static final String BUILT_IN = "/leadstream/fingerprints.json";

    private final List<Technology> technologies;

    private Fingerprints(List<Technology> technologies) {
        this.technologies = List.copyOf(technologies);
    }

    public static Fingerprints builtIn() {
        try (InputStream in = Fingerprints.class.getResourceAsStream(BUILT_IN)) {
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in fingerprints, with those of {@code extra} added or replacing them by name. */
    public static Fingerprints builtInAnd(Optional<Path> extra) {
        Fingerprints builtIn = builtIn();
        if (extra.isEmpty()) {
            return builtIn;
        }
        try (InputStream in = Files.newInputStream(extra.get())) {
            return builtIn.overriddenBy(read(in, extra.get().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fingerprint file " + extra.get(), e);
        }
    }

    static Fingerprints read(InputStream in, String source) throws IOException {
        JsonNode file = EventJson.MAPPER.readTree(in);
        List<Technology> technologies = new ArrayList<>();
        for (JsonNode entry : file.path("technologies")) {
            String name = entry.path("name").asText("");
            String category = entry.path("category").asText("");
            if (name.isBlank() || category.isBlank()) {
                throw new IllegalArgumentException(source + ": every technology needs a name and a category: " + entry);
            }
            Map<Part, List<Pattern>> patterns = new EnumMap<>(Part.class);
            for (Part part : Part.values()) {
                List<Pattern> compiled = new ArrayList<>();
                for (JsonNode pattern : entry.path(part.name())) {
                    compiled.add(compile(source, name, pattern.asText()));
                }
                if (!compiled.isEmpty()) {
                    patterns.put(part, List.copyOf(compiled));
                }
            }
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException(source + ": " + name + " has no pattern for any of " + List.of(Part.values()));
            }
            technologies.add(new Technology(name, category, patterns));
        }
        return new Fingerprints(technologies);
    }

    private static Pattern compile(String source, String name, String pattern) {
        try {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(source + ": pattern of " + name + " is not a regular expression: " + e.getMessage());
        }
    }

    Fingerprints overriddenBy(Fingerprints extra) {
        Map<String, Technology> byName = new LinkedHashMap<>();
        technologies.forEach(t -> byName.put(t.name(), t));
        extra.technologies.forEach(t -> byName.put(t.name(), t));
        return new Fingerprints(new ArrayList<>(byName.values()));
    }

    public int size() {
        return technologies.size();
    }

    /** Each technology found on the page, once, with the first value that matched. */
    public List<Match> match(SiteProfile site) {
        List<Match> matches = new ArrayList<>();
        for (Technology technology : technologies) {
            firstMatch(technology, site).ifPresent(matches::add);
        }
        return matches;
    }

    private static Optional<Match> firstMatch(Technology technology, SiteProfile site) {
        for (Map.Entry<Part, List<Pattern>> entry : technology.patterns().entrySet()) {
            for (String value : entry.getKey().valuesOf(site)) {
                for (Pattern pattern : entry.getValue()) {
                    if (pattern.matcher(value).find()) {
                        return Optional.of(new Match(technology.name(), technology.category(), entry.getKey(), value));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
