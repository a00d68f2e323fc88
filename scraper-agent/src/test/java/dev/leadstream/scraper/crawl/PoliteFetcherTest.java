package dev.leadstream.scraper.crawl;

import com.sun.net.httpserver.HttpServer;
import dev.leadstream.local.sample.HostileSites;
import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.scraper.SampleWebOnLoopback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The fetcher against the sample web's well-behaved and hostile sites, all on 127.0.0.1. */
class PoliteFetcherTest {

    private static SampleWeb web;
    private static PoliteFetcher fetcher;

    @BeforeAll
    static void start() {
        web = SampleWebOnLoopback.web();
        fetcher = new PoliteFetcher(SampleWebOnLoopback.settings());
    }

    @AfterAll
    static void stop() {
        fetcher.close();
    }

    @Test
    void fetchesAPageAndAsksConditionallyTheSecondTime() {
        SampleBusiness business = web.businesses().get(5);
        FetchOutcome first = fetcher.fetch(web.homeUrl(business), ContentKind.HTML);
        assertThat(first).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                page -> assertThat(page.text()).contains(business.name()));

        assertThat(fetcher.fetch(web.homeUrl(business), ContentKind.HTML)).isInstanceOf(FetchOutcome.Unchanged.class);
    }

    @Test
    void refusesAHostThatResolvesToAnAddressOffTheAllowList() {
        assertThat(fetcher.fetch(web.url(HostileSites.INTERNAL), ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("loopback").contains(HostileSites.INTERNAL_ADDRESS));
        assertThat(fetcher.fetch("http://169.254.169.254/latest/meta-data/", ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Refused.class, r -> assertThat(r.reason()).contains("cloud metadata"));
    }

    @Test
    void reportsDisguisedLoopbackFormsAsRefusedNotFailed() {
        int port = web.port();
        for (String host : List.of("[::ffff:127.0.0.1]", "2130706433", "0x7f000001", "0177.0.0.1", "127.1")) {
            assertThat(fetcher.fetch("http://" + host + ":" + port + "/", ContentKind.HTML)).as(host)
                    .isInstanceOfSatisfying(FetchOutcome.Refused.class, r -> assertThat(r.reason()).contains("IPv4 address"));
        }
    }

    @Test
    void reportsAnIpv6LoopbackSeedAsRefusedNotFailed() {
        // the URL normaliser gives up on IPv6 literals; the guard must still have its say
        assertThat(fetcher.fetch("http://[::1]:" + web.port() + "/", ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Refused.class, r -> assertThat(r.reason()).contains("::1"));
    }

    @Test
    void refusesTheStacksOwnPortsOnAnAllowedAddress() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer reviewApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        reviewApi.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        reviewApi.start();
        int port = reviewApi.getAddress().getPort();
        try (PoliteFetcher guarded = new PoliteFetcher(SampleWebOnLoopback.settings().refusingPorts(List.of(port)))) {
            assertThat(guarded.fetch("http://127.0.0.1:" + port + "/ui/leads", ContentKind.HTML))
                    .isInstanceOfSatisfying(FetchOutcome.Refused.class, r -> assertThat(r.reason()).contains("port of the stack"));
            assertThat(seen).isEmpty();
        } finally {
            reviewApi.stop(0);
        }
    }

    @Test
    void refusesARedirectToTheCloudMetadataAddress() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/iam/");
                exchange.sendResponseHeaders(302, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            FetchOutcome outcome = fetcher.fetch("http://127.0.0.1:" + server.getAddress().getPort() + "/go", ContentKind.HTML);
            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                    r -> assertThat(r.reason()).contains("169.254.169.254"));
            assertThat(seen).contains("/go");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void obeysRobotsTxt() {
        assertThat(fetcher.fetch(web.url(HostileSites.ROBOTS_DISALLOW), ContentKind.HTML))
                .isInstanceOf(FetchOutcome.Disallowed.class);
    }

    @Test
    void givesUpOnARedirectLoop() {
        assertThat(fetcher.fetch(web.url(HostileSites.REDIRECT_LOOP), ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> assertThat(f.reason()).contains("redirect loop"));
    }

    @Test
    void cutsAHugePageAtTheCap() {
        assertThat(fetcher.fetch(web.url(HostileSites.HUGE_PAGE), ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Fetched.class, page -> {
                    assertThat(page.truncated()).isTrue();
                    assertThat(page.body()).hasSize(SampleWebOnLoopback.settings().maxBodyBytes());
                });
    }

    @Test
    void cutsOffASlowDrip() {
        assertThat(fetcher.fetch(web.url(HostileSites.SLOW_DRIP), ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class,
                        f -> assertThat(f.reason()).contains("no complete response within"));
    }

    @Test
    void retriesAServerError() {
        assertThat(fetcher.fetch(web.url(HostileSites.FLAKY) + "retry-me", ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Fetched.class, page -> assertThat(page.text()).contains("hello@flaky.test"));
    }

    @Test
    void refusesContentThatIsNotAPage() {
        assertThat(fetcher.fetch(web.url(HostileSites.NOT_HTML), ContentKind.HTML))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> assertThat(f.reason()).contains("application/pdf"));
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThat(fetcher.fetch("file:///etc/passwd", ContentKind.HTML)).isInstanceOf(FetchOutcome.Failed.class);
        assertThat(fetcher.fetch("gopher://127.0.0.1:70/", ContentKind.HTML)).isInstanceOf(FetchOutcome.Failed.class);
    }

    @Test
    void normalisesUrlsSoDuplicatesAreSeenAsOne() {
        assertThat(fetcher.normalise("HTTP://Rose-Bakery.TEST:80/a/../b/#top")).isEqualTo("http://rose-bakery.test/b/");
        assertThat(fetcher.normalise("http://rose-bakery.test/b/")).isEqualTo("http://rose-bakery.test/b/");
    }
}
