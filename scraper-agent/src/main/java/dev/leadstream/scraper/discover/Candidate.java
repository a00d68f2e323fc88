package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.extract.PageFacts;

/**
 * A business a source found: its website when known (to be crawled), and what the source itself
 * said about it (an OpenStreetMap node's tags, an imported row), which may be all there is.
 */
public record Candidate(String website, String source, PageFacts known) {

    public static Candidate site(String website, String source) {
        return new Candidate(website, source, null);
    }
}
