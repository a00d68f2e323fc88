package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.model.LeadSort;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lead table's current query string, read back into the filter form and rewritten for the
 * links that change one thing: a column's sort, the next page, a facet.
 */
public record TableQuery(MultivaluedMap<String, String> params) {

    public String value(String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    public boolean has(String name, String value) {
        List<String> values = params.get(name);
        return values != null && values.contains(value);
    }

    /** This query sorted by {@code column}: the column's usual way first, the other way when it already is. */
    public String sortedBy(String column) {
        boolean descending = sorted(column) ? !descending() : defaultDescending(column);
        return with(Map.of("sort", column, "dir", descending ? "desc" : "asc"));
    }

    /** The arrow after a column heading: which way the table is sorted by it, if it is. */
    public String arrow(String column) {
        return !sorted(column) ? "" : descending() ? "▼" : "▲";
    }

    private boolean sorted(String column) {
        return column.equals(value("sort").isEmpty() ? "score" : value("sort"));
    }

    private boolean descending() {
        return value("dir").isEmpty() ? defaultDescending(value("sort").isEmpty() ? "score" : value("sort")) : "desc".equals(value("dir"));
    }

    private static boolean defaultDescending(String column) {
        try {
            return LeadSort.valueOf(column.toUpperCase(Locale.ROOT)).descendingByDefault();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    public String nextPage(String token) {
        return with(Map.of("after", token));
    }

    /** This query narrowed to one facet value, from the first page. */
    public String narrowed(String name, String value) {
        return with(Map.of(name, value));
    }

    /** The query string for the CSV export and the pages after an action: every filter, no page token. */
    public String filterOnly() {
        return with(Map.of());
    }

    private String with(Map<String, String> replaced) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!replaced.containsKey(name) && !"after".equals(name) && !"notice".equals(name) && !"error".equals(name)) {
                values.stream().filter(v -> !v.isEmpty()).forEach(v -> pairs.add(encode(name) + "=" + encode(v)));
            }
        });
        replaced.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return "?" + String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
