package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.ContentKind;
import dev.leadstream.scraper.crawl.FetchOutcome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/** Fetches and parses an HTML page through the session (so it is counted, budgeted and polite). */
public final class Pages {

    private Pages() {
    }

    public static Optional<Document> html(CrawlSession session, String url) {
        return session.fetch(url, ContentKind.HTML).flatMap(Pages::parse);
    }

    public static Optional<Document> parse(FetchOutcome.Fetched page) {
        try {
            // null charset: jsoup reads the BOM or <meta charset>, falling back to UTF-8
            return Optional.of(Jsoup.parse(new ByteArrayInputStream(page.body()), null, page.finalUri().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
