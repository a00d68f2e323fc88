package dev.leadstream.scraper.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "scraper")
public interface ScraperConfig {

    /** Sent with every request, so site owners know who crawls them and how to reach us. */
    @WithDefault("LeadStreamBot/0.1 (+https://github.com/leadstream/leadstream/blob/main/docs/crawler.md)")
    String userAgent();

    /** The token robots.txt groups are matched against. */
    @WithDefault("leadstreambot")
    String robotsName();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Until the response headers arrive. */
    @WithDefault("10s")
    Duration headersTimeout();

    /** For the whole response: a server that drips bytes is cut off here. */
    @WithDefault("20s")
    Duration bodyTimeout();

    /** Pages larger than this are cut, so one huge page cannot exhaust the heap. */
    @WithDefault("2097152")
    int maxBodyBytes();

    @WithDefault("5")
    int maxRedirects();

    /** Further attempts after a 5xx, 429 or timeout, with doubling backoff. */
    @WithDefault("2")
    int retries();

    @WithDefault("500ms")
    Duration retryBackoff();

    /** Minimum gap between two requests to one host (robots.txt Crawl-delay wins when longer). */
    @WithDefault("1s")
    Duration hostDelay();

    @WithDefault("30s")
    Duration maxCrawlDelay();

    @WithDefault("1")
    int hostConcurrency();

    /** Requests in flight across all hosts. */
    @WithDefault("64")
    int concurrency();

    /**
     * Address blocks the SSRF guard lets through although they are not public, each optionally
     * narrowed to one port ({@code 127.0.0.1/32:18080}). Empty in production; the demo allows only
     * the sample web's address and port.
     */
    Optional<List<String>> allowedAddresses();

    /**
     * The stack's own ports (broker, database, SMTP/IMAP, the review API, every agent), refused
     * even on an address the allow-list admits. The defaults are the demo's fixed ports.
     */
    @WithDefault("19092,15432,3025,3143,8080,8081,8082,8083,8084,8085,8086,8087")
    List<Integer> refusedPorts();

    /** How many contact/about/imprint pages of a site are read when the home page lacks contacts. */
    @WithDefault("3")
    int maxContactPages();

    /** How many team, careers and locations pages of a site are read for size hints; 0 reads none. */
    @WithDefault("3")
    int maxCompanyPages();

    /** CSS selectors for directories whose markup is known, keyed by the directory's host. */
    Map<String, Directory> directories();

    interface Directory {
        /** Links to the listed businesses' sites. */
        String business();

        /** The link to the next page of the listing. */
        Optional<String> next();

        /** Links to category pages, followed down to the request's maxDepth. */
        Optional<String> category();
    }

    @WithDefault("https://overpass-api.de/api/interpreter")
    String overpassUrl();

    /** A SearxNG instance for the search source; without it, requests naming search are rejected. */
    Optional<String> searchSearxngUrl();

    /** Headless Chromium for requests that ask for JavaScript rendering. */
    @WithDefault("/usr/bin/chromium")
    String browserPath();

    @WithDefault("30s")
    Duration browserTimeout();

    @WithDefault("2")
    int browserInstances();

    @WithDefault("0.1.0")
    String version();
}
