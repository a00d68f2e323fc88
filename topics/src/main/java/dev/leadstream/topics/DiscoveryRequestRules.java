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

    /*
     * Limits, so a request (and the progress and leads it makes) stays far below Kafka's 1 MiB
     * record: hitl-api answers 422 naming the limit, scraper-agent dead-letters the request.
     */
    public static final int MAX_TEXT = 200;
    public static final int MAX_KEYWORDS = 50;
    public static final int MAX_KEYWORD = 100;
    public static final int MAX_SEED_URLS = 100;
    public static final int MAX_URL = 2000;
    public static final int MAX_SOURCES = 10;
    public static final int MAX_BUSINESS_LIST = 400_000;
    public static final int MAX_BUSINESS_ROWS = 5_000;
    public static final int MAX_PAGES = 100_000;
    public static final int MAX_DEPTH = 10;
    public static final int MAX_LEADS = 50_000;
    public static final int MAX_SECONDS = 86_400;

    /** A limit the request goes over: the sentence saying so and the limit itself. */
    public record OverLimit(String problem, long limit) {
    }

    private DiscoveryRequestRules() {
    }

    /** Every limit the request goes over; empty when it is within them all. */
    public static List<OverLimit> overLimits(DiscoveryRequest request) {
        List<OverLimit> over = new ArrayList<>();
        text(over, "sector", request.sector(), MAX_TEXT);
        text(over, "geography", request.geography(), MAX_TEXT);
        list(over, "keywords", request.keywords(), MAX_KEYWORDS, MAX_KEYWORD);
        list(over, "seedUrls", request.seedUrls(), MAX_SEED_URLS, MAX_URL);
        list(over, "sources", request.sources(), MAX_SOURCES, MAX_TEXT);
        text(over, "businessList", request.businessList(), MAX_BUSINESS_LIST);
        if (request.businessList() != null && request.businessList().lines().count() > MAX_BUSINESS_ROWS + 1) {
            over.add(new OverLimit("businessList may hold at most " + MAX_BUSINESS_ROWS + " rows", MAX_BUSINESS_ROWS));
        }
        DiscoveryRequest.Limits limits = request.limits();
        number(over, "limits.maxPages", limits.maxPages(), MAX_PAGES);
        number(over, "limits.maxDepth", limits.maxDepth(), MAX_DEPTH);
        number(over, "limits.maxLeads", limits.maxLeads(), MAX_LEADS);
        number(over, "limits.maxSeconds", limits.maxSeconds(), MAX_SECONDS);
        return over;
    }

    private static void text(List<OverLimit> over, String field, String value, int max) {
        if (value != null && value.length() > max) {
            over.add(new OverLimit(field + " must be at most " + max + " characters, was " + value.length(), max));
        }
    }

    private static void list(List<OverLimit> over, String field, List<String> values, int maxItems, int maxLength) {
        if (values.size() > maxItems) {
            over.add(new OverLimit(field + " may hold at most " + maxItems + " entries, held " + values.size(), maxItems));
        }
        values.stream().filter(v -> v != null && v.length() > maxLength).findFirst().ifPresent(v ->
                over.add(new OverLimit(field + " entries must be at most " + maxLength + " characters, one was " + v.length(), maxLength)));
    }

    private static void number(List<OverLimit> over, String field, int value, int max) {
        if (value > max) {
            over.add(new OverLimit(field + " must be at most " + max + ", was " + value, max));
        }
    }

    public static List<String> problems(DiscoveryRequest request) {
        List<String> problems = new ArrayList<>();
        overLimits(request).forEach(o -> problems.add(o.problem()));
        request.sources().stream().filter(s -> !DiscoveryRequest.SOURCES.contains(s))
                .forEach(s -> problems.add("sources: unknown source " + s + " (known: " + DiscoveryRequest.SOURCES + ")"));
        if (request.sources().stream().anyMatch(NEED_SEED_URLS::contains) && request.seedUrls().isEmpty()) {
            problems.add("seedUrls must name at least one http(s) URL for the seed, directory and sitemap sources");
        }
        for (String url : request.seedUrls()) {
            if (!isHttpUrl(url)) {
                problems.add("seedUrls: not an http(s) URL: " + (url != null && url.length() > 100 ? url.substring(0, 100) + "…" : url));
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
