package dev.leadstream.scraper.crawl;

import java.time.Duration;
import java.util.List;

/**
 * How politely and how defensively the crawler fetches. Plain values, so the agent, the
 * {@code extract} command and the benchmarks build the same fetcher.
 *
 * @param userAgent       sent with every request; names the bot and a contact URL
 * @param robotsName      the token matched against robots.txt User-agent lines
 * @param connectTimeout  TCP connect limit
 * @param headersTimeout  time until response headers arrive
 * @param bodyTimeout     time for the whole response, so a slow drip cannot hold a worker
 * @param maxBodyBytes    longer bodies are cut here and marked truncated
 * @param maxRedirects    hops followed before giving up (loops are caught earlier)
 * @param retries         further attempts after a 5xx, 429 or timeout
 * @param retryBackoff    first retry wait, doubled on each further attempt
 * @param hostDelay       minimum gap between two requests to one host
 * @param maxCrawlDelay   robots.txt Crawl-delay is honoured up to this
 * @param hostConcurrency requests in flight per host
 * @param concurrency     requests in flight in total
 * @param allowedAddresses CIDR blocks, each optionally with one port, the SSRF guard lets through although they are not public
 * @param refusedPorts    the stack's own ports, refused even on an address the allow-list admits
 */
public record CrawlSettings(
        String userAgent,
        String robotsName,
        Duration connectTimeout,
        Duration headersTimeout,
        Duration bodyTimeout,
        int maxBodyBytes,
        int maxRedirects,
        int retries,
        Duration retryBackoff,
        Duration hostDelay,
        Duration maxCrawlDelay,
        int hostConcurrency,
        int concurrency,
        List<String> allowedAddresses,
        List<Integer> refusedPorts) {

    public static final String DEFAULT_USER_AGENT =
            "LeadStreamBot/0.1 (+https://github.com/leadstream/leadstream/blob/main/docs/crawler.md)";

    public static CrawlSettings defaults() {
        return new CrawlSettings(DEFAULT_USER_AGENT, "leadstreambot", Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), 2 * 1024 * 1024, 5, 2, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 1, 64, List.of(), List.of());
    }

    public CrawlSettings allowing(List<String> cidrs) {
        return new CrawlSettings(userAgent, robotsName, connectTimeout, headersTimeout, bodyTimeout, maxBodyBytes,
                maxRedirects, retries, retryBackoff, hostDelay, maxCrawlDelay, hostConcurrency, concurrency, cidrs, refusedPorts);
    }

    public CrawlSettings refusingPorts(List<Integer> ports) {
        return new CrawlSettings(userAgent, robotsName, connectTimeout, headersTimeout, bodyTimeout, maxBodyBytes,
                maxRedirects, retries, retryBackoff, hostDelay, maxCrawlDelay, hostConcurrency, concurrency,
                allowedAddresses, ports);
    }

    public CrawlSettings withTimeouts(Duration headers, Duration body) {
        return new CrawlSettings(userAgent, robotsName, connectTimeout, headers, body, maxBodyBytes,
                maxRedirects, retries, retryBackoff, hostDelay, maxCrawlDelay, hostConcurrency, concurrency,
                allowedAddresses, refusedPorts);
    }

    public CrawlSettings withHostDelay(Duration delay) {
        return new CrawlSettings(userAgent, robotsName, connectTimeout, headersTimeout, bodyTimeout, maxBodyBytes,
                maxRedirects, retries, retryBackoff, delay, maxCrawlDelay, hostConcurrency, concurrency,
                allowedAddresses, refusedPorts);
    }

    public CrawlSettings withRetries(int count, Duration backoff) {
        return new CrawlSettings(userAgent, robotsName, connectTimeout, headersTimeout, bodyTimeout, maxBodyBytes,
                maxRedirects, count, backoff, hostDelay, maxCrawlDelay, hostConcurrency, concurrency,
                allowedAddresses, refusedPorts);
    }
}
