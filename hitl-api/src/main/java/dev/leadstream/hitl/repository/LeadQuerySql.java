package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.LeadFilter;
import dev.leadstream.hitl.model.LeadSort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A lead filter as SQL conditions, and a lead order as the columns it sorts by. */
final class LeadQuerySql {

    /** SQL conditions joined by {@code and}, with the parameters they name. */
    record Where(String sql, Map<String, Object> params) {
    }

    /**
     * One ORDER BY expression and its SQL type. A cursor carries its value as text, which
     * PostgreSQL casts back exactly. {@code reversed} keys run against the main direction.
     */
    record Key(String sql, String type, boolean reversed) {
    }

    /** sort field → its column and type */
    private static final Map<String, Key> COLUMNS = Map.of(
            "score", new Key("score", "integer", false),
            "name", new Key("coalesce(name, '')", "text", false),
            "updated", new Key("updated_at", "timestamptz", false),
            "tier", new Key("tier", "text", false),
            "leadId", new Key("lead_id", "text", false));

    private LeadQuerySql() {
    }

    static List<Key> keys(LeadSort sort) {
        return sort.keys().stream().map(k -> {
            Key column = COLUMNS.get(k.field());
            return new Key(column.sql(), column.type(), k.reversed());
        }).toList();
    }

    static Where where(LeadFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        anyOf(clauses, params, "tier", filter.tiers());
        anyOf(clauses, params, "status", filter.statuses());
        anyOf(clauses, params, "sector", filter.sectors());
        anyOf(clauses, params, "segment", filter.segments());
        equal(clauses, params, "lower(country)", "country", lower(filter.country()));
        equal(clauses, params, "lower(region)", "region", lower(filter.region()));
        equal(clauses, params, "lower(city)", "city", lower(filter.city()));
        if (filter.minScore() != null) {
            clauses.add("score >= :minScore");
            params.put("minScore", filter.minScore());
        }
        if (filter.maxScore() != null) {
            clauses.add("score <= :maxScore");
            params.put("maxScore", filter.maxScore());
        }
        equal(clauses, params, "has_email", "hasEmail", filter.hasEmail());
        equal(clauses, params, "has_phone", "hasPhone", filter.hasPhone());
        if (filter.text() != null && !filter.text().isBlank()) {
            clauses.add("search @@ websearch_to_tsquery('simple', :text)");
            params.put("text", filter.text());
        }
        if (filter.requestId() != null) {
            // containment, not "= any(...)", so the GIN index on request_ids is used
            clauses.add("request_ids @> array[cast(:requestId as text)]");
            params.put("requestId", filter.requestId());
        }
        return new Where(clauses.isEmpty() ? "true" : String.join(" and ", clauses), params);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static void anyOf(List<String> clauses, Map<String, Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " in (:" + column + "List)");
            params.put(column + "List", values);
        }
    }

    private static void equal(List<String> clauses, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            clauses.add(column + " = :" + name);
            params.put(name, value);
        }
    }
}
