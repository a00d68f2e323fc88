package dev.leadstream.hitl.model;

import java.util.Map;

/** One group's counts per signal type, e.g. channel email, segment bakery: sent 40, opened 12. */
public record EngagementGroup(Map<String, String> group, Map<String, Long> counts) {
}
