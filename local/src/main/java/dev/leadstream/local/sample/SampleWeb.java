package dev.leadstream.local.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves the sample businesses' websites on 127.0.0.1, one virtual host per business
 * ({@code <slug>.test}), plus a paginated directory at {@code directory.test}. A hosts file maps
 * those names to 127.0.0.1 for the processes that crawl them.
 */
public final class SampleWeb implements AutoCloseable {

    public static final String DIRECTORY_HOST = "directory.test";
    private static final int PAGE_SIZE = 10;

    private final List<SampleBusiness> businesses;
    private final Map<String, SampleBusiness> byHost;
    private final int port;
    private final HostileSites hostile = new HostileSites();
    private final boolean listHostileSites;
    private HttpServer server;

    public SampleWeb(List<SampleBusiness> businesses, int port) {
        this(businesses, port, true);
    }

    /** @param listHostileSites whether the directory lists the hostile sites after the businesses */
    public SampleWeb(List<SampleBusiness> businesses, int port, boolean listHostileSites) {
        this.businesses = List.copyOf(businesses);
        this.byHost = businesses.stream().collect(Collectors.toMap(SampleBusiness::host, Function.identity()));
        this.port = port;
        this.listHostileSites = listHostileSites;
    }

    public SampleWeb start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve sample sites on 127.0.0.1:" + port, e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server == null ? port : server.getAddress().getPort();
    }

    public List<SampleBusiness> businesses() {
        return businesses;
    }

    public String homeUrl(SampleBusiness business) {
        return "http://" + business.host() + ":" + port() + "/";
    }

    public String directoryUrl() {
        return "http://" + DIRECTORY_HOST + ":" + port() + "/";
    }

    /**
     * Lines for a hosts file ({@code -Djdk.net.hosts.file}) that send every sample host to
     * 127.0.0.1, except {@link HostileSites#INTERNAL}, which stands for an internal address.
     */
    public String hostsFile() {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost " + DIRECTORY_HOST + "\n");
        businesses.forEach(b -> hosts.append("127.0.0.1 ").append(b.host()).append('\n'));
        HostileSites.HOSTS.forEach(h -> hosts.append(h.equals(HostileSites.INTERNAL) ? HostileSites.INTERNAL_ADDRESS
                : "127.0.0.1").append(' ').append(h).append('\n'));
        return hosts.toString();
    }

    public String url(String host) {
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String host = hostOf(exchange);
        URI uri = exchange.getRequestURI();
        if (DIRECTORY_HOST.equals(host)) {
            serveDirectory(exchange, uri);
            return;
        }
        if (hostile.handle(host, exchange)) {
            return;
        }
        SampleBusiness business = byHost.get(host);
        if (business == null) {
            respond(exchange, 404, "<html><body>No site at " + host + "</body></html>");
            return;
        }
        switch (uri.getPath()) {
            case "/", "/index.html" -> {
                // home pages carry an ETag, so a recrawl can ask whether anything changed
                String etag = "\"" + business.slug() + "-v1\"";
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.getResponseHeaders().set("Last-Modified", SamplePages.lastModified(business));
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                } else {
                    respond(exchange, 200, SamplePages.home(business));
                }
            }
            case "/contact" -> respond(exchange, 200, SamplePages.contact(business));
            case "/about" -> respond(exchange, 200, SamplePages.home(business));
            case "/app" -> respond(exchange, 200, SamplePages.scripted(business));
            case "/team" -> respond(exchange, 200, SamplePages.team(business));
            case "/careers" -> respond(exchange, 200, SamplePages.careers(business));
            case "/locations" -> respond(exchange, SamplePages.branches(business).isEmpty() ? 404 : 200,
                    SamplePages.locations(business));
            case "/robots.txt" -> respond(exchange, 200, "User-agent: *\nAllow: /\n", "text/plain");
            default -> respond(exchange, 404, "<html><body>Not found</body></html>");
        }
    }

    private void serveDirectory(HttpExchange exchange, URI uri) throws IOException {
        switch (uri.getPath()) {
            case "/robots.txt" -> respond(exchange, 200, "User-agent: *\nAllow: /\nSitemap: http://" + DIRECTORY_HOST + ":"
                    + port() + "/sitemap.xml\n", "text/plain");
            case "/sitemap.xml" -> respond(exchange, 200, SamplePages.sitemap(DIRECTORY_HOST, port(), pageCount()),
                    "application/xml");
            default -> respond(exchange, 200, SamplePages.directory(listed(), pageOf(uri.getQuery()), PAGE_SIZE));
        }
    }

    /** Every business site, then the hostile ones, as the directory lists them. */
    private List<String[]> listed() {
        List<String[]> entries = new java.util.ArrayList<>();
        businesses.forEach(b -> entries.add(new String[] {b.name(), homeUrl(b), b.city()}));
        if (listHostileSites) {
            HostileSites.HOSTS.forEach(h -> entries.add(new String[] {h, url(h), "the internet"}));
        }
        return entries;
    }

    private int pageCount() {
        return (listed().size() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    private static String hostOf(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Host");
        if (header == null) {
            return "";
        }
        int colon = header.lastIndexOf(':');
        return (colon > 0 ? header.substring(0, colon) : header).toLowerCase(Locale.ROOT);
    }

    private static int pageOf(String query) {
        if (query != null && query.startsWith("page=")) {
            try {
                return Math.max(0, Integer.parseInt(query.substring(5)));
            } catch (NumberFormatException ignored) {
                return 0;
            }
        }
        return 0;
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, body, "text/html; charset=utf-8");
    }

    static void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
