package dev.leadstream.scraper.render;

import dev.leadstream.scraper.net.AddressGuard;
import dev.leadstream.scraper.net.RefusedAddressException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page that needs JavaScript in headless Chromium ({@code --dump-dom}) and returns the
 * resulting DOM. The browser resolves nothing itself: its host resolver maps the page's host to
 * the address the SSRF guard just checked and every other name to NOTFOUND, so scripts cannot
 * reach hosts the guard would refuse.
 */
public final class ChromiumRenderer {

    private static final int MAX_DOM_BYTES = 8 * 1024 * 1024;

    private final Path executable;
    private final Duration timeout;
    private final AddressGuard guard;
    private final Semaphore browsers;

    public ChromiumRenderer(Path executable, Duration timeout, int maxBrowsers, AddressGuard guard) {
        this.executable = executable;
        this.timeout = timeout;
        this.guard = guard;
        this.browsers = new Semaphore(maxBrowsers);
    }

    public boolean available() {
        return Files.isExecutable(executable);
    }

    /** Why rendering is not possible here, for the request's notes. */
    public String unavailableReason() {
        return "JavaScript rendering was requested but no browser is installed at " + executable
                + " (install Debian's chromium package or set scraper.browser.path); pages were read without it";
    }

    public Optional<String> render(URI page) throws IOException, InterruptedException {
        List<InetAddress> addresses;
        try {
            addresses = guard.resolve(page);
        } catch (RefusedAddressException e) {
            return Optional.empty();
        }
        Path profile = Files.createTempDirectory("leadstream-chromium");
        browsers.acquire();
        try {
            Process chromium = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--disable-extensions", "--mute-audio",
                    "--user-data-dir=" + profile,
                    "--host-resolver-rules=MAP " + page.getHost() + " " + addresses.getFirst().getHostAddress()
                            + ", MAP * ~NOTFOUND",
                    "--virtual-time-budget=5000", "--dump-dom", page.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // read while it runs: a DOM larger than the pipe buffer would otherwise block the browser
            CompletableFuture<byte[]> dom = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (var out = chromium.getInputStream()) {
                    dom.complete(out.readNBytes(MAX_DOM_BYTES));
                } catch (IOException e) {
                    dom.complete(new byte[0]);
                }
            });
            if (!chromium.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                chromium.destroyForcibly();
                return Optional.empty();
            }
            byte[] html = dom.join();
            return chromium.exitValue() == 0 && html.length > 0
                    ? Optional.of(new String(html, StandardCharsets.UTF_8)) : Optional.empty();
        } finally {
            browsers.release();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
