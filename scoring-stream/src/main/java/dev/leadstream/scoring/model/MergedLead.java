package dev.leadstream.scoring.model;

import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.RawLead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one business, merged from every page and request that found it. A
 * single-valued field keeps the most confident value (the newer on a tie); lists are unions.
 */
public record MergedLead(
        String leadId,
        String website,
        FieldValue name,
        FieldValue address,
        FieldValue description,
        Map<String, FieldValue> emails,
        Map<String, FieldValue> phones,
        Map<String, FieldValue> socialProfiles,
        Map<String, FieldValue> categories,
        List<String> sourceUrls,
        Instant updatedAt) {

    private static final int MAX_SOURCES = 50;

    public static MergedLead empty() {
        return new MergedLead(null, null, null, null, null, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), null);
    }

    public MergedLead merge(RawLead raw) {
        List<String> sources = new ArrayList<>(sourceUrls);
        if (raw.pageUrl() != null && !sources.contains(raw.pageUrl()) && sources.size() < MAX_SOURCES) {
            sources.add(raw.pageUrl());
        }
        return new MergedLead(raw.leadId(), raw.website() != null ? raw.website() : website,
                better(name, raw.name()), better(address, raw.address()), better(description, raw.description()),
                union(emails, raw.emails()), union(phones, raw.phones()),
                union(socialProfiles, raw.socialProfiles()), union(categories, raw.categories()),
                List.copyOf(sources), raw.fetchedAt());
    }

    private static FieldValue better(FieldValue current, FieldValue candidate) {
        if (candidate == null || candidate.value() == null || candidate.value().isBlank()) {
            return current;
        }
        return current == null || candidate.confidence() >= current.confidence() ? candidate : current;
    }

    private static Map<String, FieldValue> union(Map<String, FieldValue> current, List<FieldValue> added) {
        Map<String, FieldValue> merged = new LinkedHashMap<>(current);
        for (FieldValue value : added) {
            String key = value.value().trim().toLowerCase(java.util.Locale.ROOT);
            merged.merge(key, value, (a, b) -> b.confidence() >= a.confidence() ? b : a);
        }
        return merged;
    }
}
