package dev.leadstream.scraper.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "scraper")
public interface ScraperConfig {

    /** Sent with every request, so site owners know who crawls them and how to reach us. */
    @WithDefault("LeadStreamBot/0.1 (+https://github.com/leadstream/leadstream)")
    String userAgent();

    /** Connect and read timeout per page. */
    @WithDefault("10s")
    Duration timeout();

    /** Pages larger than this are cut, so one huge page cannot exhaust the heap. */
    @WithDefault("2097152")
    int maxBodyBytes();

    /** How many contact/about/imprint pages of a site are read when the home page lacks contacts. */
    @WithDefault("2")
    int maxContactPages();

    @WithDefault("0.1.0")
    String version();
}
