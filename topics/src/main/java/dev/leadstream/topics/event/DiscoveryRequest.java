package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.List;

/**
 * A query for businesses: what to look for, where, from which sources, within which limits.
 * {@code businessList} carries an imported list (CSV with a header row, or a JSON array) for the
 * {@code import} source; {@code renderJavaScript} asks for pages to be rendered in a headless
 * browser first.
 */
public record DiscoveryRequest(
        String requestId,
        String sector,
        String geography,
        List<String> keywords,
        List<String> seedUrls,
        List<String> sources,
        String businessList,
        boolean renderJavaScript,
        Limits limits,
        String requestedBy,
        Instant requestedAt) {

    /** The discovery sources a request may name. */
    public static final List<String> SOURCES = List.of("seed", "directory", "sitemap", "import", "osm", "search");

    public record Limits(int maxPages, int maxDepth, int maxLeads, int maxSeconds) {
        public static Limits defaults() {
            return new Limits(200, 2, 100, 300);
        }
    }

    public DiscoveryRequest {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        seedUrls = seedUrls == null ? List.of() : List.copyOf(seedUrls);
        sources = sources == null || sources.isEmpty() ? List.of("seed") : List.copyOf(sources);
        limits = limits == null ? Limits.defaults() : limits;
    }
}
