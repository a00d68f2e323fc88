package dev.leadstream.scraper.render;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.scraper.SampleWebOnLoopback;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.scraper.discover.Candidate;
import dev.leadstream.scraper.discover.SiteScraper;
import dev.leadstream.scraper.net.AddressGuard;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.RawLead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders a script-built sample page in a real headless Chromium (Debian's {@code chromium},
 * which .ci/run installs). Where no browser is installed the rendering tests are reported as skipped;
 * the refusal test needs none.
 */
class ChromiumRendererTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("leadstream.test.chromium", "/usr/bin/chromium"));

    private static SampleWeb web;
    private static SampleBusiness business;

    @BeforeAll
    static void sampleWeb() {
        web = SampleWebOnLoopback.web();
        business = web.businesses().getFirst();
    }

    @Test
    void theRenderedDomHoldsWhatTheScriptWrote() throws Exception {
        needsABrowser();
        Optional<String> dom = renderer("127.0.0.1/32").render(URI.create(scriptedPage()));

        assertThat(dom).hasValueSatisfying(html -> assertThat(html)
                .contains("<h1>" + business.name() + "</h1>")
                .contains("mailto:" + business.email()));
    }

    /** No browser needed: the "browser" is a script that leaves a mark when it is started. */
    @Test
    void theBrowserIsNeverStartedForAnAddressTheGuardRefuses(@TempDir Path dir) throws Exception {
        Path started = dir.resolve("started");
        Path browser = dir.resolve("browser");
        Files.writeString(browser, "#!/bin/sh\ntouch '" + started + "'\necho '<html><body>rendered</body></html>'\n");
        browser.toFile().setExecutable(true);
        ChromiumRenderer allowingTheSampleWeb = new ChromiumRenderer(browser, Duration.ofSeconds(10), 1,
                AddressGuard.allowing("127.0.0.1/32"));
        assertThat(allowingTheSampleWeb.render(URI.create(scriptedPage()))).as("the marking browser works").isPresent();
        assertThat(started).exists();
        Files.delete(started);

        ChromiumRenderer refusingLoopback = new ChromiumRenderer(browser, Duration.ofSeconds(10), 1, AddressGuard.allowing());
        assertThat(refusingLoopback.render(URI.create(scriptedPage()))).isEmpty();
        assertThat(refusingLoopback.render(URI.create("http://[::ffff:127.0.0.1]:" + web.port() + "/"))).isEmpty();
        assertThat(started).doesNotExist();
    }

    @Test
    void aScriptBuiltSiteGivesItsContactsOnlyWhenTheRequestAsksForRendering() {
        needsABrowser();
        assertThat(scrape(true)).hasValueSatisfying(lead -> {
            assertThat(lead.name().value()).isEqualTo(business.name());
            assertThat(lead.emails()).extracting(FieldValue::value).containsExactly(business.email());
            assertThat(lead.website()).isEqualTo(web.homeUrl(business));
        });
        assertThat(scrape(false)).hasValueSatisfying(lead -> {
            assertThat(lead.name().value()).isEqualTo("Loading");
            assertThat(lead.emails()).isEmpty();
        });
    }

    private static void needsABrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no browser at " + CHROMIUM);
    }

    private static Optional<RawLead> scrape(boolean renderJavaScript) {
        DiscoveryRequest request = new DiscoveryRequest("req-js-" + renderJavaScript, "bakeries", "Leeds, GB",
                List.of(), List.of(), List.of("seed"), null, renderJavaScript,
                new DiscoveryRequest.Limits(20, 1, 5, 60), "test", Instant.now());
        try (PoliteFetcher fetcher = new PoliteFetcher(SampleWebOnLoopback.settings())) {
            CrawlSession session = new CrawlSession(fetcher, request, Clock.systemUTC());
            return new SiteScraper(0, 0, renderer("127.0.0.1/32"), "test")
                    .scrape(Candidate.site(scriptedPage(), "seed"), session);
        }
    }

    private static ChromiumRenderer renderer(String... allowed) {
        return new ChromiumRenderer(CHROMIUM, Duration.ofSeconds(30), 1, AddressGuard.allowing(allowed));
    }

    private static String scriptedPage() {
        return web.homeUrl(business) + "app";
    }
}
