package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.crawl.CrawlSession;

import java.util.function.Predicate;

/** The request's seed URLs are the business sites themselves (a team's own site list). */
public final class SeedSource implements DiscoverySource {

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public void discover(CrawlSession session, Predicate<Candidate> sink) {
        for (String url : session.request().seedUrls()) {
            if (!sink.test(Candidate.site(url, name()))) {
                return;
            }
        }
    }
}
