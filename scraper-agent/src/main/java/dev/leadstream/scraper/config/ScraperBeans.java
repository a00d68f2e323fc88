package dev.leadstream.scraper.config;

import dev.leadstream.scraper.crawl.CrawlSettings;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.scraper.discover.DirectorySource;
import dev.leadstream.scraper.discover.DiscoveryJob;
import dev.leadstream.scraper.discover.ImportSource;
import dev.leadstream.scraper.discover.ListingReader;
import dev.leadstream.scraper.discover.OverpassSource;
import dev.leadstream.scraper.discover.SearchSource;
import dev.leadstream.scraper.discover.SeedSource;
import dev.leadstream.scraper.discover.SiteScraper;
import dev.leadstream.scraper.discover.SitemapSource;
import dev.leadstream.scraper.net.AddressGuard;
import dev.leadstream.scraper.render.ChromiumRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the plain-Java crawler from configuration; the crawler itself knows nothing of CDI. */
@ApplicationScoped
public class ScraperBeans {

    @Produces
    @ApplicationScoped
    PoliteFetcher fetcher(ScraperConfig c) {
        return new PoliteFetcher(new CrawlSettings(c.userAgent(), c.robotsName(), c.connectTimeout(),
                c.headersTimeout(), c.bodyTimeout(), c.maxBodyBytes(), c.maxRedirects(), c.retries(),
                c.retryBackoff(), c.hostDelay(), c.maxCrawlDelay(), c.hostConcurrency(), c.concurrency(),
                c.allowedAddresses().orElse(List.of()), c.refusedPorts()));
    }

    void close(@Disposes PoliteFetcher fetcher) {
        fetcher.close();
    }

    @Produces
    @ApplicationScoped
    DiscoveryJob discoveryJob(ScraperConfig c, PoliteFetcher fetcher) {
        ListingReader listings = new ListingReader(c.directories().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey(), e -> new ListingReader.Selectors(e.getValue().business(),
                        e.getValue().next().orElse(null), e.getValue().category().orElse(null)))));
        AddressGuard guard = AddressGuard.of(c.allowedAddresses().orElse(List.of()), c.refusedPorts());
        ChromiumRenderer renderer = new ChromiumRenderer(Path.of(c.browserPath()), c.browserTimeout(),
                c.browserInstances(), guard);
        return new DiscoveryJob(List.of(new SeedSource(), new DirectorySource(listings), new SitemapSource(listings),
                new ImportSource(), new OverpassSource(c.overpassUrl()),
                new SearchSource(c.searchSearxngUrl().map(SearchSource.Searxng::new))),
                new SiteScraper(c.maxContactPages(), c.maxCompanyPages(), renderer, c.version()), fetcher, Clock.systemUTC());
    }
}
