package dev.leadstream.scraper.bench;

import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.scraper.crawl.CrawlSettings;
import dev.leadstream.scraper.extract.PageExtractor;
import dev.leadstream.scraper.extract.PageFacts;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The same crawl done by crawler4j: from the sample directory through its pagination to every
 * business home page, and to a business's contact pages only when its home page had no contact,
 * as LeadStream's scraper does. Each page is run through the same {@link PageExtractor}, so both
 * crawlers do the same work per page. crawler4j has one politeness delay, applied between any two
 * requests of the whole crawl; it has no per-host form.
 */
final class Crawler4jCrawl {

    record Result(int pages, int leads, Duration elapsed) {
    }

    private Crawler4jCrawl() {
    }

    static Result run(SampleWeb web, CrawlSettings settings, Path storage) throws Exception {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(storage.toString());
        config.setPolitenessDelay((int) settings.hostDelay().toMillis());
        config.setUserAgentString(settings.userAgent());
        config.setMaxDepthOfCrawling(-1);
        config.setMaxDownloadSize(settings.maxBodyBytes());
        config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setSocketTimeout((int) settings.bodyTimeout().toMillis());
        config.setMaxConnectionsPerHost(settings.hostConcurrency());
        config.setMaxTotalConnections(settings.concurrency());
        config.setOnlineTldListUpdate(false);
        config.setResumableCrawling(false);
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(1);

        PageFetcher fetcher = new PageFetcher(config);
        RobotstxtConfig robots = new RobotstxtConfig();
        robots.setUserAgentName(settings.robotsName());
        CrawlController controller = new CrawlController(config, fetcher, new RobotstxtServer(robots, fetcher));
        controller.addSeed(web.directoryUrl());

        Tally tally = new Tally(web.businesses().stream().map(b -> b.host()).collect(Collectors.toSet()));
        long start = System.nanoTime();
        controller.start(() -> new SampleWebCrawler(tally), Math.min(settings.concurrency(), 64));
        Duration elapsed = Duration.ofNanos(tally.lastVisitNanos.get() - start);
        fetcher.shutDown();
        return new Result(tally.pages.get(), tally.businessHomes.size(), elapsed);
    }

    private static final class Tally {
        /** the only hosts it may visit: the directory's footer links elsewhere, which no benchmark follows */
        final Set<String> businessHosts;
        final AtomicInteger pages = new AtomicInteger();
        final Set<String> businessHomes = ConcurrentHashMap.newKeySet();
        final Map<String, PageFacts> factsByUrl = new ConcurrentHashMap<>();
        final AtomicLong lastVisitNanos = new AtomicLong();

        Tally(Set<String> businessHosts) {
            this.businessHosts = businessHosts;
        }
    }

    private static final class SampleWebCrawler extends WebCrawler {

        private final Tally tally;
        private final PageExtractor extractor = new PageExtractor();

        SampleWebCrawler(Tally tally) {
            this.tally = tally;
        }

        @Override
        public boolean shouldVisit(Page referringPage, WebURL url) {
            String host = URI.create(url.getURL()).getHost();
            String referringHost = URI.create(referringPage.getWebURL().getURL()).getHost();
            if (SampleWeb.DIRECTORY_HOST.equals(referringHost)) {
                return SampleWeb.DIRECTORY_HOST.equals(host)
                        || tally.businessHosts.contains(host) && "/".equals(URI.create(url.getURL()).getPath());
            }
            if (!host.equals(referringHost)) {
                return false;
            }
            PageFacts home = factsOf(referringPage);
            return home != null && (!home.hasContact() && home.contactPageUrls().contains(url.getURL())
                    || home.companyPageUrls().contains(url.getURL()));
        }

        @Override
        public void visit(Page page) {
            PageFacts facts = factsOf(page);
            tally.pages.incrementAndGet();
            String host = URI.create(page.getWebURL().getURL()).getHost();
            if (facts != null && !SampleWeb.DIRECTORY_HOST.equals(host) && facts.name() != null) {
                tally.businessHomes.add(host);
            }
            tally.lastVisitNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }

        /** Extracted once per page: shouldVisit asks for it before visit does. */
        private PageFacts factsOf(Page page) {
            if (!(page.getParseData() instanceof HtmlParseData html)) {
                return null;
            }
            return tally.factsByUrl.computeIfAbsent(page.getWebURL().getURL(), url -> {
                Document document = Jsoup.parse(html.getHtml(), url);
                return extractor.extract(document, null);
            });
        }
    }
}
