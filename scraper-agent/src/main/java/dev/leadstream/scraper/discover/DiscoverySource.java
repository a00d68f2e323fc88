package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.crawl.CrawlSession;

import java.util.function.Predicate;

/**
 * Where businesses come from for a discovery request. A source hands candidates to the sink as
 * it finds them and stops when the sink answers false (a limit was reached).
 */
public interface DiscoverySource {

    /** The name a discovery request uses in {@code sources}. */
    String name();

    void discover(CrawlSession session, Predicate<Candidate> sink) throws DiscoveryException;

    /** The source cannot serve this request at all (not configured, unreachable API, unreadable import). */
    class DiscoveryException extends Exception {
        public DiscoveryException(String message) {
            super(message);
        }
    }
}
