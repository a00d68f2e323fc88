package dev.leadstream.scraper.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import crawlercommons.robots.BaseRobotRules;
import dev.leadstream.scraper.net.AddressGuard;
import dev.leadstream.scraper.net.RefusedAddressException;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the scraper reads the web. Every fetch is normalised, checked by the SSRF guard
 * (again on every redirect hop), allowed by robots.txt, spaced by per-host politeness, bounded by
 * a global concurrency limit, time- and size-capped, retried with backoff on 5xx/429/timeouts,
 * and conditional (ETag / Last-Modified) when the URL was fetched before. Thread-safe; callers
 * use virtual threads.
 */
public final class PoliteFetcher implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final int VALIDATORS_KEPT = 100_000;

    private final CrawlSettings settings;
    private final AddressGuard guard;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final Semaphore inFlight;
    private final HostGates hostGates;
    private final RobotsRules robots;
    private final BasicURLNormalizer normalizer = new BasicURLNormalizer();
    private final Map<String, String[]> validators = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
                    return size() > VALIDATORS_KEPT;
                }
            });

    public PoliteFetcher(CrawlSettings settings) {
        this.settings = settings;
        this.guard = AddressGuard.of(settings.allowedAddresses(), settings.refusedPorts());
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
        this.inFlight = new Semaphore(settings.concurrency());
        this.hostGates = new HostGates(settings.hostConcurrency());
        this.robots = new RobotsRules(settings.robotsName(), uri -> follow(uri, ContentKind.ROBOTS, false));
    }

    /** The URL in canonical form (lower-case host, no fragment, default port dropped...), or null when it is not one. */
    public String normalise(String url) {
        String normal = normalizer.filter(url);
        return normal != null && (normal.startsWith("http://") || normal.startsWith("https://")) ? normal : null;
    }

    public FetchOutcome fetch(String url, ContentKind kind) {
        return start(url, kind, true);
    }

    /** Calls an API endpoint (Overpass, a search engine): guarded and polite, but not subject to robots.txt. */
    public FetchOutcome fetchApi(String url) {
        return start(url, ContentKind.DATA, false);
    }

    private FetchOutcome start(String url, ContentKind kind, boolean obeyRobots) {
        String normal = normalise(url);
        if (normal == null) {
            URI raw = safeUri(url);
            Optional<String> refused = AddressGuard.disguise(raw).or(() -> guard.ipv6LiteralRefusal(raw));
            return refused.isPresent() ? new FetchOutcome.Refused(raw, refused.get())
                    : new FetchOutcome.Failed(raw, "not an http(s) URL", false);
        }
        return follow(URI.create(normal), kind, obeyRobots);
    }

    /** Sitemap URLs a host's robots.txt lists. */
    public List<String> sitemapsOf(String url) {
        String normal = normalise(url);
        return normal == null ? List.of() : robots.sitemaps(URI.create(normal));
    }

    private FetchOutcome follow(URI start, ContentKind kind, boolean obeyRobots) {
        Set<URI> visited = new HashSet<>();
        URI uri = start;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            if (!visited.add(uri)) {
                return new FetchOutcome.Failed(start, "redirect loop at " + uri, false);
            }
            Hop result = fetchOnce(uri, kind, obeyRobots);
            if (result.redirect() == null) {
                return relabel(result.outcome(), start);
            }
            uri = result.redirect();
        }
        return new FetchOutcome.Failed(start, "more than " + settings.maxRedirects() + " redirects", false);
    }

    private record Hop(FetchOutcome outcome, URI redirect) {
    }

    private Hop fetchOnce(URI uri, ContentKind kind, boolean obeyRobots) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || AddressGuard.host(uri) == null) {
            return new Hop(new FetchOutcome.Failed(uri, "not an http(s) URL", false), null);
        }
        try {
            guard.resolve(uri);
        } catch (RefusedAddressException e) {
            return new Hop(new FetchOutcome.Refused(uri, e.getMessage()), null);
        } catch (UnknownHostException e) {
            return new Hop(new FetchOutcome.Failed(uri, "unknown host " + AddressGuard.host(uri), false), null);
        }
        Duration delay = settings.hostDelay();
        if (obeyRobots) {
            BaseRobotRules rules = robots.rulesFor(uri);
            if (!rules.isAllowed(uri.toString())) {
                return new Hop(new FetchOutcome.Disallowed(uri, "robots.txt disallows it"), null);
            }
            if (rules.getCrawlDelay() > 0) {
                long capped = Math.min(rules.getCrawlDelay(), settings.maxCrawlDelay().toMillis());
                delay = delay.compareTo(Duration.ofMillis(capped)) >= 0 ? delay : Duration.ofMillis(capped);
            }
        }
        for (int attempt = 0; ; attempt++) {
            Hop hop;
            try (HostGates.Permit ignored = hostGates.enter(uri.getRawAuthority().toLowerCase(Locale.ROOT), delay)) {
                inFlight.acquire();
                try {
                    hop = exchange(uri, kind);
                } finally {
                    inFlight.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Hop(new FetchOutcome.Failed(uri, "interrupted", false), null);
            }
            if (!(hop.outcome() instanceof FetchOutcome.Failed failed && failed.retryable())
                    || attempt >= settings.retries()) {
                return hop;
            }
            try {
                Thread.sleep(settings.retryBackoff().multipliedBy(1L << attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hop;
            }
        }
    }

    private Hop exchange(URI uri, ContentKind kind) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.headersTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", kind.acceptHeader());
        String[] known = kind == ContentKind.HTML ? validators.get(uri.toString()) : null;
        if (known != null) {
            if (known[0] != null) {
                request.header("If-None-Match", known[0]);
            }
            if (known[1] != null) {
                request.header("If-Modified-Since", known[1]);
            }
        }
        CompletableFuture<HttpResponse<CappedBody.Bytes>> call = client.sendAsync(request.build(), info -> {
            boolean wanted = info.statusCode() / 100 == 2
                    && kind.accepts(info.headers().firstValue("Content-Type").orElse(null));
            return new CappedBody(wanted ? settings.maxBodyBytes() : 0);
        });
        HttpResponse<CappedBody.Bytes> response;
        try {
            response = call.get(settings.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Hop(new FetchOutcome.Failed(uri, "no complete response within " + settings.bodyTimeout(), false), null);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Hop(new FetchOutcome.Failed(uri, "interrupted", false), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean timeout = cause instanceof HttpTimeoutException;
            String reason = timeout ? "timed out" : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new Hop(new FetchOutcome.Failed(uri, reason, timeout || cause instanceof IOException), null);
        }
        return new Hop(outcomeOf(uri, kind, response), redirectOf(uri, response));
    }

    private FetchOutcome outcomeOf(URI uri, ContentKind kind, HttpResponse<CappedBody.Bytes> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (status == 304) {
            return new FetchOutcome.Unchanged(uri);
        }
        if (REDIRECTS.contains(status)) {
            return response.headers().firstValue("Location").isPresent() ? null
                    : new FetchOutcome.Failed(uri, "HTTP " + status + " without Location", false);
        }
        if (status / 100 != 2) {
            return new FetchOutcome.Failed(uri, "HTTP " + status, RETRYABLE.contains(status));
        }
        if (!kind.accepts(contentType)) {
            return new FetchOutcome.Failed(uri, "content type " + contentType + " is not " + kind.name().toLowerCase(Locale.ROOT), false);
        }
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (kind == ContentKind.HTML && (etag != null || lastModified != null)) {
            validators.put(uri.toString(), new String[] {etag, lastModified});
        }
        return new FetchOutcome.Fetched(uri, uri, status, contentType, response.body().data(),
                response.body().truncated(), etag, lastModified);
    }

    private URI redirectOf(URI uri, HttpResponse<?> response) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return null;
        }
        return response.headers().firstValue("Location").map(location -> {
            try {
                String normal = normalise(uri.resolve(location.trim()).toString());
                return normal == null ? null : URI.create(normal);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
    }

    private static FetchOutcome relabel(FetchOutcome outcome, URI start) {
        if (outcome == null) {
            return new FetchOutcome.Failed(start, "redirect to an unusable Location", false);
        }
        return switch (outcome) {
            case FetchOutcome.Fetched f -> new FetchOutcome.Fetched(start, f.finalUri(), f.status(), f.contentType(),
                    f.body(), f.truncated(), f.etag(), f.lastModified());
            case FetchOutcome.Unchanged u -> new FetchOutcome.Unchanged(start);
            case FetchOutcome.Disallowed d -> new FetchOutcome.Disallowed(start, d.reason() + " (" + d.requested() + ")");
            case FetchOutcome.Refused r -> new FetchOutcome.Refused(start, r.reason());
            case FetchOutcome.Failed f -> new FetchOutcome.Failed(start, f.reason(), f.retryable());
        };
    }

    private static URI safeUri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            return URI.create("invalid:url");
        }
    }

    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
    }
}
