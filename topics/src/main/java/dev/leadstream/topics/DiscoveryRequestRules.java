package dev.leadstream.topics;

import dev.leadstream.topics.event.DiscoveryRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a discovery request workable, checked where it is accepted (hitl-api answers 400)
 * and again where it is executed (scraper-agent rejects it to the DLQ), so any producer of
 * {@code discovery-requests} gets the same precise reasons.
 */
public final class DiscoveryRequestRules {

    private static final List<String> NEED_SEED_URLS = List.of("seed", "directory", "sitemap");

    private DiscoveryRequestRules() {
    }

    public static List<String> problems(DiscoveryRequest request) {
        List<String> problems = new ArrayList<>();
        request.sources().stream().filter(s -> !DiscoveryRequest.SOURCES.contains(s))
                .forEach(s -> problems.add("sources: unknown source " + s + " (known: " + DiscoveryRequest.SOURCES + ")"));
        if (request.sources().stream().anyMatch(NEED_SEED_URLS::contains) && request.seedUrls().isEmpty()) {
            problems.add("seedUrls must name at least one http(s) URL for the seed, directory and sitemap sources");
        }
        for (String url : request.seedUrls()) {
            if (!isHttpUrl(url)) {
                problems.add("seedUrls: not an http(s) URL: " + url);
            }
        }
        if (request.sources().contains("import") && blank(request.businessList())) {
            problems.add("businessList is required for the import source (CSV with a header row, or a JSON array)");
        }
        if (request.sources().contains("osm") && (blank(request.sector()) || blank(request.geography()))) {
            problems.add("sector and geography are required for the osm source");
        }
        if (request.sources().contains("search") && blank(request.sector()) && request.keywords().isEmpty()) {
            problems.add("sector or keywords are required for the search source");
        }
        DiscoveryRequest.Limits limits = request.limits();
        if (limits.maxPages() < 1 || limits.maxLeads() < 1 || limits.maxSeconds() < 1 || limits.maxDepth() < 0) {
            problems.add("limits: maxPages, maxLeads and maxSeconds must be at least 1, maxDepth at least 0");
        }
        return problems;
    }

    public static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
