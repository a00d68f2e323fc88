package dev.leadstream.feedback.model;

import dev.leadstream.topics.event.Engagement;

import java.util.Map;
import java.util.TreeMap;

/** How many signals of each type one segment has seen. */
public record EngagementTally(String segment, Map<String, Long> counts) {

    public static EngagementTally empty() {
        return new EngagementTally(null, Map.of());
    }

    public EngagementTally add(Engagement signal) {
        Map<String, Long> next = new TreeMap<>(counts);
        next.merge(signal.type(), 1L, Long::sum);
        return new EngagementTally(signal.segment(), next);
    }

    public long count(String type) {
        return counts.getOrDefault(type, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
