package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.List;

/** A query for businesses: what to look for, where, from which sources, within which limits. */
public record DiscoveryRequest(
        String requestId,
        String sector,
        String geography,
        List<String> keywords,
        List<String> seedUrls,
        List<String> sources,
        Limits limits,
        String requestedBy,
        Instant requestedAt) {

    public record Limits(int maxPages, int maxDepth, int maxLeads, int maxSeconds) {
        public static Limits defaults() {
            return new Limits(200, 2, 100, 300);
        }
    }

    public DiscoveryRequest {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        seedUrls = seedUrls == null ? List.of() : List.copyOf(seedUrls);
        sources = sources == null ? List.of() : List.copyOf(sources);
        limits = limits == null ? Limits.defaults() : limits;
    }
}
