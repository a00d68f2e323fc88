package dev.leadstream.enrichment.trends;

import com.sun.net.httpserver.HttpServer;
import dev.leadstream.enrichment.lookalike.LookalikesTest;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Wikipedia pageviews adapter against a local HTTP server on 127.0.0.1 that speaks the
 * Wikimedia REST API: it answers the per-article path with a response in the API's shape kept in
 * test resources, 404 for an unknown article and 503 for a failing one.
 */
class WikipediaPageviewsTest {

    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void serveTheApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/rest_v1/metrics/pageviews/per-article/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            asked.add(path + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            int status;
            byte[] body;
            if (path.contains("/Bakery/")) {
                try (InputStream in = getClass().getResourceAsStream("/wikimedia/pageviews-bakery.json")) {
                    body = in.readAllBytes();
                }
                status = 200;
            } else if (path.contains("/Dental/")) {
                body = "{\"title\":\"Service Unavailable\"}".getBytes();
                status = 503;
            } else {
                body = "{\"type\":\"https://mediawiki.org/wiki/HyperSwitch/errors/not_found\"}".getBytes();
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/rest_v1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WikipediaPageviews source() {
        return new WikipediaPageviews(base, "en.wikipedia", "LeadStream-test/1", Duration.ofHours(6), NOV_22);
    }

    @Test
    void theLastSevenDaysAreComparedWithTheTwentyEightBeforeAndTheAnswerIsCached() {
        WikipediaPageviews pageviews = source();
        ExternalInterest.Reading reading = pageviews.of("bakery").orElseThrow();
        pageviews.of("bakery");

        assertThat(reading.recent()).isCloseTo(153.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(reading.baseline()).isCloseTo(104.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(reading.evidence()).contains("\"Bakery\"", "7 days to 2026-11-21");
        assertThat(asked).singleElement().asString()
                .contains("/per-article/en.wikipedia/all-access/user/Bakery/daily/20261018/20261121")
                .endsWith("LeadStream-test/1");
    }

    @Test
    void aLeadGetsTheOutsideInterestInItsSectorAndAFailingSourceCostsOnlyThatSignal() {
        TrendSignals trends = new TrendSignals(key -> Optional.empty(),
                new Momentum(Duration.ofHours(1), Duration.ofMinutes(15), 8, 3, 2.0), Optional.of(source()));

        List<Signal> bakery = trends.of(LookalikesTest.lead("rose.test", "Rose", "bakery", "Bakery", "Leeds", "Bread"));
        assertThat(bakery).filteredOn(s -> s.name().equals("external_interest")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("bakery +47%"));

        List<Signal> dental = trends.of(LookalikesTest.lead("smile.test", "Smile", "dental", "Dentist", "Leeds", "Teeth"));
        assertThat(dental).extracting(Signal::name).containsExactly("steady");
        assertThat(source().of("no-such-sector")).isEmpty();
    }
}
