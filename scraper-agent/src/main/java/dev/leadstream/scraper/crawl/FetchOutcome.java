package dev.leadstream.scraper.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** What became of one fetch, after redirects, robots.txt, the SSRF guard and retries. */
public sealed interface FetchOutcome {

    URI requested();

    /** A 2xx response within the limits; a body longer than the cap is cut and marked truncated. */
    record Fetched(URI requested, URI finalUri, int status, String contentType, byte[] body, boolean truncated,
                   String etag, String lastModified) implements FetchOutcome {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A conditional GET answered 304: the page is as it was on the last crawl. */
    record Unchanged(URI requested) implements FetchOutcome {
    }

    /** robots.txt disallows the URL for our user agent. */
    record Disallowed(URI requested, String reason) implements FetchOutcome {
    }

    /** The SSRF guard refused the host before any connection was made. */
    record Refused(URI requested, String reason) implements FetchOutcome {
    }

    record Failed(URI requested, String reason, boolean retryable) implements FetchOutcome {
    }
}
