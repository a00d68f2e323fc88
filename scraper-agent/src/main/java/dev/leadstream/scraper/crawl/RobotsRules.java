package dev.leadstream.scraper.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * robots.txt per host (RFC 9309, read by crawler-commons), fetched once per host and kept for a
 * day. A missing robots.txt (4xx, redirect loop) allows everything; an unreachable one (5xx,
 * timeout) disallows everything for now, as RFC 9309 asks.
 */
final class RobotsRules {

    private static final Duration KEEP = Duration.ofHours(24);

    private record Entry(BaseRobotRules rules, long fetchedAtNanos) {
    }

    private final List<String> robotNames;
    private final Function<URI, FetchOutcome> fetchRobotsTxt;
    private final Map<String, CompletableFuture<Entry>> byHost = new ConcurrentHashMap<>();

    RobotsRules(String robotName, Function<URI, FetchOutcome> fetchRobotsTxt) {
        this.robotNames = List.of(robotName);
        this.fetchRobotsTxt = fetchRobotsTxt;
    }

    BaseRobotRules rulesFor(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        while (true) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> existing = byHost.putIfAbsent(origin, mine);
            if (existing == null) {
                mine.complete(new Entry(load(URI.create(origin + "/robots.txt")), System.nanoTime()));
                return mine.join().rules();
            }
            Entry entry = existing.join();
            if (System.nanoTime() - entry.fetchedAtNanos() < KEEP.toNanos()) {
                return entry.rules();
            }
            byHost.remove(origin, existing);
        }
    }

    /** Sitemaps named by a host's robots.txt. */
    List<String> sitemaps(URI uri) {
        return rulesFor(uri).getSitemaps();
    }

    /** RFC 9309: a 4xx, or too many redirects, means "unavailable": crawl as if there were no robots.txt. */
    private static boolean unavailable(String reason) {
        return reason.startsWith("HTTP 4") || reason.startsWith("redirect loop") || reason.contains(" redirects");
    }

    private BaseRobotRules load(URI robotsTxt) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        return switch (fetchRobotsTxt.apply(robotsTxt)) {
            case FetchOutcome.Fetched page ->
                    parser.parseContent(robotsTxt.toString(), page.body(), page.contentType(), robotNames);
            case FetchOutcome.Failed failed when unavailable(failed.reason()) -> parser.failedFetch(404);
            default -> parser.failedFetch(503);
        };
    }
}
