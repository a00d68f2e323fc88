package dev.leadstream.scraper.bench;

import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.scraper.crawl.CrawlSettings;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.scraper.discover.DirectorySource;
import dev.leadstream.scraper.discover.DiscoveryJob;
import dev.leadstream.scraper.discover.ListingReader;
import dev.leadstream.scraper.discover.SiteScraper;
import dev.leadstream.scraper.net.AddressGuard;
import dev.leadstream.scraper.render.ChromiumRenderer;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.RawLead;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawl throughput over the sample web (1,000 sites by default, {@code -Dbench.sites=N}) with
 * politeness on, the same crawl by crawler4j, and extraction precision and recall per field.
 * Not a timed test: it asserts only that the crawls found every business, and writes its numbers
 * to {@code target/benchmarks/crawl.md} for docs/benchmarks.md.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark -pl scraper-agent verify} (after installing topics and local).
 */
class CrawlBenchmark {

    private static final int SITES = Integer.getInteger("bench.sites", 1000);
    private static final List<Duration> DELAYS = List.of(Duration.ofMillis(100), Duration.ZERO);

    private record Run(int pages, int leads, Duration elapsed) {
        double pagesPerSecond() {
            return pages / seconds();
        }

        double leadsPerSecond() {
            return leads / seconds();
        }

        private double seconds() {
            return Math.max(elapsed.toMillis(), 1) / 1000.0;
        }
    }

    @Test
    void crawlTheSampleWebAndCompareWithCrawler4j() throws Exception {
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder();
        try (SampleWeb web = new SampleWeb(SampleBusinesses.generate(SITES, 42), 0, false).start()) {
            Files.writeString(Path.of(System.getProperty("jdk.net.hosts.file")), web.hostsFile());
            report.append(String.format(Locale.ROOT, "%d sample sites, %d directory pages; robots.txt on for both%n%n",
                    SITES, (SITES + 9) / 10));
            report.append("| politeness delay | crawler | pages | leads | seconds | pages/s | leads/s |\n");
            report.append("|---|---|---|---|---|---|---|\n");
            List<RawLead> firstLeads = null;
            for (Duration delay : DELAYS) {
                CrawlSettings settings = CrawlSettings.defaults().allowing(List.of("127.0.0.1/32")).withHostDelay(delay);
                List<RawLead> leads = new CopyOnWriteArrayList<>();
                Run ours = crawlWithLeadStream(web, settings, leads);
                firstLeads = firstLeads == null ? leads : firstLeads;
                Crawler4jCrawl.Result c4j = Crawler4jCrawl.run(web, settings,
                        Files.createTempDirectory(out, "crawler4j-"));
                Run theirs = new Run(c4j.pages(), c4j.leads(), c4j.elapsed());

                assertThat(ours.leads()).as("LeadStream leads").isEqualTo(SITES);
                assertThat(theirs.leads()).as("crawler4j leads").isEqualTo(SITES);
                row(report, delay.toMillis() + " ms per host", "LeadStream", ours);
                row(report, delay.toMillis() + " ms between any two requests", "crawler4j 4.4.0", theirs);
                report.append(String.format(Locale.ROOT, "| | ratio (pages/s) | | | | %.2f× | |%n",
                        ours.pagesPerSecond() / theirs.pagesPerSecond()));
            }
            report.append("\n| field | extracted | correct | precision | recall |\n|---|---|---|---|---|\n");
            for (Map.Entry<String, FieldAccuracy.Score> e : FieldAccuracy.of(firstLeads, web.businesses()).entrySet()) {
                FieldAccuracy.Score s = e.getValue();
                report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n",
                        e.getKey(), s.extracted(), s.correct(), s.precision(), s.recall()));
            }
        }
        Files.writeString(out.resolve("crawl.md"), report);
        System.out.println(report);
    }

    private static Run crawlWithLeadStream(SampleWeb web, CrawlSettings settings, List<RawLead> leads) {
        DiscoveryRequest request = new DiscoveryRequest("bench-" + System.nanoTime(), "all", "GB", List.of(),
                List.of(web.directoryUrl()), List.of("directory"), null, false,
                new DiscoveryRequest.Limits(SITES * 5, 1, SITES * 2, 3600), "benchmark", Instant.now());
        ChromiumRenderer noBrowser = new ChromiumRenderer(Path.of("/nonexistent"), Duration.ofSeconds(1), 1,
                AddressGuard.allowing("127.0.0.1/32"));
        try (PoliteFetcher fetcher = new PoliteFetcher(settings)) {
            DiscoveryJob job = new DiscoveryJob(List.of(new DirectorySource(new ListingReader(Map.of()))),
                    new SiteScraper(3, 3, noBrowser, "benchmark"), fetcher, Clock.systemUTC());
            long start = System.nanoTime();
            DiscoveryProgress done = job.run(request, leads::add, p -> { });
            return new Run(done.pagesFetched(), leads.size(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static void row(StringBuilder report, String delay, String crawler, Run run) {
        report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.1f |%n", delay, crawler,
                run.pages(), run.leads(), run.elapsed().toMillis() / 1000.0, run.pagesPerSecond(), run.leadsPerSecond()));
    }
}
