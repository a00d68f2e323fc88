package dev.leadstream.scraper;

import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.scraper.crawl.CrawlSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One sample web per test JVM on 127.0.0.1, with its host names in the hosts file the JVM
 * resolves from ({@code -Djdk.net.hosts.file}, see the pom), and crawl settings that allow it.
 */
public final class SampleWebOnLoopback {

    private static SampleWeb web;

    private SampleWebOnLoopback() {
    }

    public static synchronized SampleWeb web() {
        if (web == null) {
            web = new SampleWeb(SampleBusinesses.generate(24, 7), 0).start();
            try {
                Files.writeString(Path.of(System.getProperty("jdk.net.hosts.file")), web.hostsFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return web;
    }

    /** Polite but quick: the sample web is ours, so the per-host delay is short. */
    public static CrawlSettings settings() {
        return CrawlSettings.defaults().allowing(List.of("127.0.0.1/32"))
                .withHostDelay(Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withRetries(2, Duration.ofMillis(50));
    }
}
