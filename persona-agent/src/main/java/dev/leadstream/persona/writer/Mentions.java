package dev.leadstream.persona.writer;

import dev.leadstream.topics.event.Draft;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which facts a reviewer's "mention ..." points at: those whose value contains one of its words,
 * or whose field the word names ("shop" → the premises, "hiring" → open roles, "price" → the
 * campaign's price statements).
 */
public final class Mentions {

    private static final Set<String> PREMISES = Set.of("firmographic.locations", "locations");
    private static final Map<String, Set<String>> FIELDS_BY_WORD = Map.ofEntries(
            Map.entry("shop", PREMISES), Map.entry("store", PREMISES), Map.entry("branch", PREMISES),
            Map.entry("location", PREMISES), Map.entry("locations", PREMISES), Map.entry("premises", PREMISES),
            Map.entry("hiring", Set.of("firmographic.open_roles", "firmographic.team_size")),
            Map.entry("jobs", Set.of("firmographic.open_roles")),
            Map.entry("roles", Set.of("firmographic.open_roles")),
            Map.entry("team", Set.of("firmographic.open_roles", "firmographic.team_size")),
            Map.entry("booking", Set.of("technology.booking")),
            Map.entry("bookings", Set.of("technology.booking")),
            Map.entry("ordering", Set.of("technology.ordering")),
            Map.entry("orders", Set.of("technology.ordering")),
            Map.entry("website", Set.of("site.url", "technology.cms")),
            Map.entry("trend", Set.of("trend.rising")),
            Map.entry("years", Set.of("firmographic.years_in_business")),
            Map.entry("history", Set.of("firmographic.years_in_business")),
            Map.entry("description", Set.of("description")),
            Map.entry("price", Set.of("price")),
            Map.entry("pricing", Set.of("price")),
            Map.entry("offer", Set.of("offer")));

    private Mentions() {
    }

    public static boolean matches(Draft.Fact fact, List<String> words) {
        return fact != null && matches(fact.field(), fact.value(), words);
    }

    /** A whole word of the value, or a field the word names; a URL's words ("two-shops.test") are not what it says. */
    public static boolean matches(String field, String value, List<String> words) {
        String text = value == null || value.startsWith("http") ? "" : value.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(w -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(w) + "(?!\\p{L})").matcher(text).find()
                || FIELDS_BY_WORD.getOrDefault(w, Set.of()).contains(field));
    }
}
