package dev.leadstream.hitl.model;

import java.util.List;

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
}
