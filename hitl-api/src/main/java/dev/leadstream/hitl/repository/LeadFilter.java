package dev.leadstream.hitl.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a reviewer narrowed the lead table to. Every field is optional; lists mean "any of". The
 * same filter drives a page, the facet counts and the CSV export.
 */
public record LeadFilter(
        List<String> tiers,
        List<String> statuses,
        List<String> sectors,
        List<String> segments,
        String country,
        String region,
        String city,
        Integer minScore,
        Integer maxScore,
        Boolean hasEmail,
        Boolean hasPhone,
        String text,
        String requestId) {

    public LeadFilter {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static LeadFilter none() {
        return new LeadFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** SQL conditions joined by {@code and}, with the parameters they name. */
    public record Where(String sql, Map<String, Object> params) {
    }

    public Where where() {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        anyOf(clauses, params, "tier", tiers);
        anyOf(clauses, params, "status", statuses);
        anyOf(clauses, params, "sector", sectors);
        anyOf(clauses, params, "segment", segments);
        equal(clauses, params, "lower(country)", "country", country == null ? null : country.toLowerCase(Locale.ROOT));
        equal(clauses, params, "lower(region)", "region", region == null ? null : region.toLowerCase(Locale.ROOT));
        equal(clauses, params, "lower(city)", "city", city == null ? null : city.toLowerCase(Locale.ROOT));
        if (minScore != null) {
            clauses.add("score >= :minScore");
            params.put("minScore", minScore);
        }
        if (maxScore != null) {
            clauses.add("score <= :maxScore");
            params.put("maxScore", maxScore);
        }
        equal(clauses, params, "has_email", "hasEmail", hasEmail);
        equal(clauses, params, "has_phone", "hasPhone", hasPhone);
        if (text != null && !text.isBlank()) {
            clauses.add("search @@ websearch_to_tsquery('simple', :text)");
            params.put("text", text);
        }
        if (requestId != null) {
            // containment, not "= any(...)", so the GIN index on request_ids is used
            clauses.add("request_ids @> array[cast(:requestId as text)]");
            params.put("requestId", requestId);
        }
        return new Where(clauses.isEmpty() ? "true" : String.join(" and ", clauses), params);
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
