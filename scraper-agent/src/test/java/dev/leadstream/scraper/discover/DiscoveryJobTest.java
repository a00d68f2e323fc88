package dev.leadstream.scraper.discover;

import com.sun.net.httpserver.HttpServer;
import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SamplePages;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.scraper.SampleWebOnLoopback;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.scraper.render.ChromiumRenderer;
import dev.leadstream.scraper.net.AddressGuard;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.RawLead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every discovery source end to end against servers on 127.0.0.1: the sample web for directory,
 * sitemap and seed; a local server replaying recorded Overpass and SearxNG responses for the
 * osm and search adapters (it speaks their JSON; nothing leaves the machine).
 */
class DiscoveryJobTest {

    private static SampleWeb web;
    private static HttpServer apis;
    private static final List<String> apiQueries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        web = SampleWebOnLoopback.web();
        apis = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        apis.createContext("/api/interpreter", exchange -> {
            apiQueries.add(exchange.getRequestURI().getQuery());
            reply(exchange, recorded("overpass-leeds-bakery.json"));
        });
        apis.createContext("/search", exchange -> {
            apiQueries.add(exchange.getRequestURI().getQuery());
            reply(exchange, recorded("searxng-bakeries-leeds.json").replace("__WEB__", web.homeUrl(web.businesses().get(1))));
        });
        apis.start();
    }

    @AfterAll
    static void stop() {
        apis.stop(0);
    }

    @Test
    void theDirectoryYieldsEveryListedBusinessWithContactsWhileHostileSitesNeitherStallNorLeak() {
        Result result = run(request(List.of("directory"), List.of(web.directoryUrl()), null, 100));

        assertThat(result.progress().state()).isEqualTo(DiscoveryProgress.COMPLETED);
        // plus the flaky site (recovered by a retry) and the huge page (read up to the cap)
        assertThat(result.leads()).hasSize(web.businesses().size() + 2);
        for (SampleBusiness b : web.businesses()) {
            RawLead lead = result.lead(b.host());
            assertThat(lead.name().value()).isEqualTo(b.name());
            assertThat(lead.emails()).extracting(FieldValue::value).containsExactly(b.email());
            assertThat(lead.phones()).extracting(FieldValue::value).contains(b.phone().replace(" ", ""));
            // a locations page names branches; the business's own address still comes from its own pages
            assertThat(lead.address().value()).contains(b.street(), b.postcode());
            int premises = !SamplePages.branches(b).isEmpty() ? 1 + SamplePages.branches(b).size()
                    : b.markup() == SampleBusiness.Markup.PLAIN_CONTACT_PAGE ? 0 : 1; // an <address> text is no premises
            assertThat(lead.firmographics().locations()).hasSize(premises);
            if (b.markup() == SampleBusiness.Markup.PLAIN_CONTACT_PAGE) {
                assertThat(lead.emails().getFirst().method()).isEqualTo("heuristic-obfuscated");
                assertThat(lead.emails().getFirst().sourceUrl()).endsWith("/contact");
            }
        }
        assertThat(result.progress().pagesSkippedByRobots()).isEqualTo(1);
        assertThat(result.progress().pagesRefused()).isEqualTo(1);
        assertThat(result.progress().pagesFailed()).isGreaterThanOrEqualTo(3);
        assertThat(result.leads()).extracting(RawLead::leadId)
                .doesNotContain("intranet.test", "no-robots.test", "redirect-loop.test", "slow-drip.test");
    }

    @Test
    void theDirectorysSitemapFindsTheSameBusinesses() {
        Result result = run(request(List.of("sitemap"), List.of(web.directoryUrl()), null, 100));
        assertThat(result.leads()).extracting(RawLead::leadId)
                .containsAll(web.businesses().stream().map(SampleBusiness::host).toList());
        assertThat(result.leads()).allMatch(l -> l.discoverySource().equals("sitemap"));
    }

    @Test
    void limitsEndTheRequestAndSayWhich() {
        Result result = run(request(List.of("directory"), List.of(web.directoryUrl()), null, 5));
        assertThat(result.progress().state()).isEqualTo(DiscoveryProgress.LIMITED);
        assertThat(result.progress().notes()).anyMatch(n -> n.startsWith("maxLeads (5)"));
        assertThat(result.leads()).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void anImportedListIsCrawledWhereItHasWebsitesAndKeptAsItIsWhereItHasNot() {
        SampleBusiness b = web.businesses().get(2);
        String csv = "name,website,phone,city\n"
                + "\"" + b.name() + "\"," + web.homeUrl(b) + ",,\n"
                + "\"Corner Shop, The\",,0113 496 0303,Leeds\n";
        Result result = run(request(List.of("import"), List.of(), csv, 100));

        assertThat(result.lead(b.host()).emails()).extracting(FieldValue::value).containsExactly(b.email());
        RawLead listed = result.leads().stream().filter(l -> l.website() == null).findFirst().orElseThrow();
        assertThat(listed.leadId()).startsWith("nap-");
        assertThat(listed.name().value()).isEqualTo("Corner Shop, The");
        assertThat(listed.phones()).extracting(FieldValue::value).containsExactly("+441134960303");
        assertThat(listed.phones().getFirst().method()).isEqualTo("import");
    }

    @Test
    void openStreetMapGivesBusinessesByTheSectorTagInTheArea() {
        Result result = run(request(List.of("osm"), List.of(), null, 100));

        assertThat(apiQueries).anyMatch(q -> q.contains("area[\"name\"=\"Leeds\"]") && q.contains("nwr[\"shop\"=\"bakery\"]"));
        assertThat(result.leads()).hasSize(2); // the unnamed node is skipped
        RawLead crust = result.leads().stream().filter(l -> l.name().value().equals("Kirkgate Crust")).findFirst().orElseThrow();
        assertThat(crust.phones()).extracting(FieldValue::value).containsExactly("+441134960101");
        assertThat(crust.emails()).extracting(FieldValue::value).containsExactly("orders@kirkgate-crust.test");
        assertThat(crust.geo().value()).isEqualTo("53.7981,-1.5437");
        assertThat(crust.openingHours()).extracting(FieldValue::value).containsExactly("Mo-Sa 07:00-16:00");
        assertThat(crust.address().value()).isEqualTo("4 Kirkgate, Leeds, LS2 7DJ");
        assertThat(crust.name().sourceUrl()).isEqualTo("https://www.openstreetmap.org/node/1001");
    }

    @Test
    void searchResultsBecomeCandidatesAndSocialProfilesDoNot() {
        Result result = run(request(List.of("search"), List.of(), null, 100));
        assertThat(apiQueries).anyMatch(q -> q.contains("format=json") && q.contains("bakeries"));
        assertThat(result.leads()).extracting(RawLead::leadId).containsExactly(web.businesses().get(1).host());
    }

    @Test
    void askingForJavaScriptWithoutABrowserSaysSoAndStillReadsThePages() {
        DiscoveryRequest base = request(List.of("seed"), List.of(web.homeUrl(web.businesses().get(3))), null, 100);
        DiscoveryRequest js = new DiscoveryRequest(base.requestId(), base.sector(), base.geography(), base.keywords(),
                base.seedUrls(), base.sources(), null, true, base.limits(), base.requestedBy(), base.requestedAt());
        Result result = run(js, Path.of("/nonexistent/chromium"));
        assertThat(result.progress().notes()).anyMatch(n -> n.contains("no browser is installed at /nonexistent/chromium"));
        assertThat(result.leads()).hasSize(1);
    }

    private record Result(List<RawLead> leads, DiscoveryProgress progress) {
        RawLead lead(String leadId) {
            return leads.stream().filter(l -> l.leadId().equals(leadId)).findFirst().orElseThrow();
        }
    }

    private Result run(DiscoveryRequest request) {
        return run(request, Path.of("/nonexistent/chromium"));
    }

    private Result run(DiscoveryRequest request, Path browser) {
        ListingReader listings = new ListingReader(Map.of());
        String apiBase = "http://127.0.0.1:" + apis.getAddress().getPort();
        ChromiumRenderer renderer = new ChromiumRenderer(browser, Duration.ofSeconds(10), 1, AddressGuard.allowing("127.0.0.1/32"));
        // a fresh fetcher per run: a shared one would ask conditionally and get 304 for pages another test read
        try (PoliteFetcher fetcher = new PoliteFetcher(SampleWebOnLoopback.settings())) {
            DiscoveryJob job = new DiscoveryJob(List.of(new SeedSource(), new DirectorySource(listings),
                new SitemapSource(listings), new ImportSource(), new OverpassSource(apiBase + "/api/interpreter"),
                new SearchSource(Optional.of(new SearchSource.Searxng(apiBase)))),
                new SiteScraper(3, 3, renderer, "test"), fetcher, Clock.systemUTC());
            List<RawLead> leads = new CopyOnWriteArrayList<>();
            DiscoveryProgress done = job.run(request, leads::add, p -> { });
            return new Result(List.copyOf(leads), done);
        }
    }

    private static DiscoveryRequest request(List<String> sources, List<String> seeds, String list, int maxLeads) {
        return new DiscoveryRequest("req-" + System.nanoTime(), "bakeries", "Leeds, GB", List.of(), seeds, sources,
                list, false, new DiscoveryRequest.Limits(500, 1, maxLeads, 120), "test", Instant.now());
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = DiscoveryJobTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
