package dev.leadstream.local.sample;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sites that misbehave the way parts of the real web do, listed in the directory next to the
 * well-behaved ones: none of them may stall or crash a crawler.
 */
public final class HostileSites {

    public static final String REDIRECT_LOOP = "redirect-loop.test";
    public static final String HUGE_PAGE = "huge-page.test";
    public static final String SLOW_DRIP = "slow-drip.test";
    public static final String ROBOTS_DISALLOW = "no-robots.test";
    public static final String FLAKY = "flaky.test";
    public static final String NOT_HTML = "not-html.test";
    /** Resolves to 127.0.0.2: loopback, but not on the demo's allow-list, so the SSRF guard refuses it. */
    public static final String INTERNAL = "intranet.test";
    public static final String INTERNAL_ADDRESS = "127.0.0.2";

    public static final List<String> HOSTS = List.of(REDIRECT_LOOP, HUGE_PAGE, SLOW_DRIP, ROBOTS_DISALLOW, FLAKY,
            NOT_HTML, INTERNAL);

    private static final int HUGE_BYTES = 64 * 1024 * 1024;
    private static final int DRIP_SECONDS = 120;

    private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();

    /** Answers for a hostile host, or returns false when the host is not one. */
    boolean handle(String host, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (host) {
            case REDIRECT_LOOP -> {
                if (path.equals("/robots.txt")) {
                    SampleWeb.respond(exchange, 404, "");
                } else {
                    redirect(exchange, path.equals("/") ? "/a" : "/");
                }
            }
            case HUGE_PAGE -> huge(exchange, path);
            case SLOW_DRIP -> drip(exchange, path);
            case ROBOTS_DISALLOW -> {
                if (path.equals("/robots.txt")) {
                    SampleWeb.respond(exchange, 200, "User-agent: *\nDisallow: /\n", "text/plain");
                } else {
                    SampleWeb.respond(exchange, 200, "<html><title>Private</title><body>hello@no-robots.test</body></html>");
                }
            }
            case FLAKY -> {
                // every page fails once with 503 and then works: a retry must recover it
                int call = flakyCalls.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
                if (call % 2 == 0 && !path.equals("/robots.txt")) {
                    SampleWeb.respond(exchange, 503, "<html><body>busy</body></html>");
                } else {
                    SampleWeb.respond(exchange, 200, path.equals("/robots.txt") ? "User-agent: *\nAllow: /\n"
                            : "<html><title>Flaky Florist</title><body><a href=\"mailto:hello@flaky.test\">mail</a></body></html>");
                }
            }
            case NOT_HTML -> SampleWeb.respond(exchange, 200, "%PDF-1.4 not a page", "application/pdf");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Answers robots.txt with 404; otherwise starts a streamed HTML response and returns its body, or null. */
    private static OutputStream streamPage(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/robots.txt")) {
            SampleWeb.respond(exchange, 404, "");
            return null;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void huge(HttpExchange exchange, String path) throws IOException {
        OutputStream body = streamPage(exchange, path);
        if (body == null) {
            return;
        }
        byte[] filler = "<p>filler filler filler filler filler filler filler filler</p>\n".repeat(64)
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = body) {
            out.write("<html><head><title>Huge Page Hardware</title></head><body>".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < HUGE_BYTES; written += filler.length) {
                out.write(filler);
            }
        } catch (IOException clientWentAway) {
            // the crawler stops reading at its cap; that is the point
        }
    }

    private static void drip(HttpExchange exchange, String path) throws IOException {
        OutputStream body = streamPage(exchange, path);
        if (body == null) {
            return;
        }
        try (OutputStream out = body) {
            for (int i = 0; i < DRIP_SECONDS; i++) {
                out.write('<');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException clientWentAway) {
            // the crawler gives up at its body timeout
        }
    }
}
