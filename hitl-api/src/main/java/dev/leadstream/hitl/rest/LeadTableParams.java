package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.model.LeadFilter;
import dev.leadstream.hitl.model.LeadSort;
import dev.leadstream.hitl.problem.TextRules;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lead table's query parameters, shared by the page, the facets and the CSV export, read as
 * text and checked here so that a wrong value gets a 400 that names it.
 */
public class LeadTableParams {

    private static final Set<String> TIERS = Set.of("A", "B", "C", "D");
    private static final Set<String> STATUSES = Set.of("new", "selected", "rejected");

    @QueryParam("tier") List<String> tier;
    @QueryParam("status") List<String> status;
    @QueryParam("sector") List<String> sector;
    @QueryParam("segment") List<String> segment;
    @QueryParam("country") String country;
    @QueryParam("region") String region;
    @QueryParam("city") String city;
    @QueryParam("minScore") String minScore;
    @QueryParam("maxScore") String maxScore;
    @QueryParam("hasEmail") String hasEmail;
    @QueryParam("hasPhone") String hasPhone;
    @QueryParam("q") String q;
    @QueryParam("requestId") String requestId;
    @QueryParam("sort") String sort;
    @QueryParam("dir") String dir;

    /** Longest value of a text filter, and most values of a repeatable one. */
    static final int MAX_FILTER_LENGTH = 200;
    static final int MAX_FILTER_VALUES = 50;

    public LeadFilter filter() {
        for (var list : java.util.Map.of("tier", nullSafe(tier), "status", nullSafe(status), "sector", nullSafe(sector),
                "segment", nullSafe(segment)).entrySet()) {
            TextRules.checkAll(list.getKey(), list.getValue(), MAX_FILTER_VALUES, MAX_FILTER_LENGTH);
        }
        TextRules.check("country", country, MAX_FILTER_LENGTH);
        TextRules.check("region", region, MAX_FILTER_LENGTH);
        TextRules.check("city", city, MAX_FILTER_LENGTH);
        TextRules.check("requestId", requestId, MAX_FILTER_LENGTH);
        TextRules.check("q", q, MAX_FILTER_LENGTH);
        List<String> tiers = nonBlank(tier).stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
        tiers.stream().filter(t -> !TIERS.contains(t)).findFirst().ifPresent(t -> {
            throw new BadRequestException("tier must be one of A, B, C, D, was " + t);
        });
        List<String> statuses = nonBlank(status);
        statuses.stream().filter(s -> !STATUSES.contains(s)).findFirst().ifPresent(s -> {
            throw new BadRequestException("status must be one of new, selected, rejected, was " + s);
        });
        Integer min = score("minScore", minScore);
        Integer max = score("maxScore", maxScore);
        if (min != null && max != null && min > max) {
            throw new BadRequestException("minScore (" + min + ") must not be above maxScore (" + max + ")");
        }
        return new LeadFilter(tiers, statuses, nonBlank(sector), nonBlank(segment), blankToNull(country),
                blankToNull(region), blankToNull(city), min, max, flag("hasEmail", hasEmail), flag("hasPhone", hasPhone),
                blankToNull(q), blankToNull(requestId));
    }

    private static List<String> nullSafe(List<String> values) {
        return values == null ? List.of() : values;
    }

    public LeadSort sort() {
        if (sort == null || sort.isBlank()) {
            return LeadSort.SCORE;
        }
        try {
            return LeadSort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("sort must be one of score, name, updated, tier, was " + sort);
        }
    }

    public boolean descending() {
        if (dir == null || dir.isBlank()) {
            return sort().descendingByDefault();
        }
        return switch (dir.trim().toLowerCase(Locale.ROOT)) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw new BadRequestException("dir must be asc or desc, was " + dir);
        };
    }

    private static Integer score(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int score = Integer.parseInt(value.trim());
            if (score < 0 || score > 100) {
                throw new BadRequestException(name + " must be between 0 and 100, was " + score);
            }
            return score;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number from 0 to 100, was " + value);
        }
    }

    private static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException(name + " must be true or false, was " + value);
        };
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
