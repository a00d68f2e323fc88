package dev.leadstream.scraper.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.leadstream.scraper.crawl.ContentKind;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.FetchOutcome;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The seed hosts' sitemaps (those robots.txt names, else {@code /sitemap.xml}), read with
 * crawler-commons through the polite fetcher. A listed page on another domain is a business site;
 * a listed page of the seed's own site is read as a listing page.
 */
public final class SitemapSource implements DiscoverySource {

    private static final int MAX_SITEMAPS = 50;

    private final ListingReader listings;

    public SitemapSource(ListingReader listings) {
        this.listings = listings;
    }

    @Override
    public String name() {
        return "sitemap";
    }

    @Override
    public void discover(CrawlSession session, Predicate<Candidate> sink) {
        for (String seed : session.request().seedUrls()) {
            String ownDomain = ListingReader.domain(seed);
            for (String pageUrl : pagesListed(session, seed)) {
                if (session.stopped()) {
                    return;
                }
                if (!ListingReader.domain(pageUrl).equals(ownDomain)) {
                    if (!sink.test(Candidate.site(pageUrl, name()))) {
                        return;
                    }
                    continue;
                }
                Optional<List<String>> sites = Pages.html(session, pageUrl).map(d -> listings.read(d).businessSites());
                for (String site : sites.orElse(List.of())) {
                    if (!sink.test(Candidate.site(site, name()))) {
                        return;
                    }
                }
            }
        }
    }

    private static List<String> pagesListed(CrawlSession session, String seed) {
        Deque<String> sitemaps = new ArrayDeque<>(session.fetcher().sitemapsOf(seed));
        if (sitemaps.isEmpty()) {
            sitemaps.add(URI.create(seed).resolve("/sitemap.xml").toString());
        }
        SiteMapParser parser = new SiteMapParser(false);
        Set<String> read = new HashSet<>();
        List<String> pages = new ArrayList<>();
        while (!sitemaps.isEmpty() && read.size() < MAX_SITEMAPS && !session.stopped()) {
            String url = sitemaps.poll();
            if (!read.add(url)) {
                continue;
            }
            Optional<FetchOutcome.Fetched> fetched = session.fetch(url, ContentKind.SITEMAP);
            if (fetched.isEmpty()) {
                continue;
            }
            try {
                AbstractSiteMap sitemap = parser.parseSiteMap(fetched.get().contentType(), fetched.get().body(),
                        new URL(fetched.get().finalUri().toString()));
                if (sitemap instanceof SiteMapIndex index) {
                    index.getSitemaps().forEach(s -> sitemaps.add(s.getUrl().toString()));
                } else if (sitemap instanceof SiteMap map) {
                    map.getSiteMapUrls().stream().map(SiteMapURL::getUrl).map(URL::toString).forEach(pages::add);
                }
            } catch (UnknownFormatException | IOException e) {
                session.note("sitemap " + url + " could not be read: " + e.getMessage());
            }
        }
        return pages;
    }
}
