package dev.leadstream.scraper;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leadstream.scraper.crawl.ContentKind;
import dev.leadstream.scraper.crawl.CrawlSettings;
import dev.leadstream.scraper.crawl.FetchOutcome;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.scraper.discover.Pages;
import dev.leadstream.scraper.extract.PageExtractor;
import dev.leadstream.scraper.extract.PageFacts;
import dev.leadstream.topics.EventJson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./leadstream extract URL|FILE [--region GB]}: prints the profile the scraper extracts
 * from one page, every field with its evidence, as JSON. A URL is fetched exactly as the agent
 * would (SSRF guard, robots.txt, size and time caps); {@code -Dscraper.allowed-addresses=127.0.0.1/32}
 * lets it read a local page.
 */
public final class ExtractMain {

    private ExtractMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: extract URL|FILE [--region XX]");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args);
        int regionAt = rest.indexOf("--region");
        String region = regionAt >= 0 && regionAt + 1 < args.length ? args[regionAt + 1] : null;
        Document page;
        if (args[0].startsWith("http://") || args[0].startsWith("https://")) {
            String allowed = System.getProperty("scraper.allowed-addresses", "");
            CrawlSettings settings = CrawlSettings.defaults()
                    .allowing(allowed.isBlank() ? List.of() : List.of(allowed.split(",")));
            try (PoliteFetcher fetcher = new PoliteFetcher(settings)) {
                FetchOutcome outcome = fetcher.fetch(args[0], ContentKind.HTML);
                if (!(outcome instanceof FetchOutcome.Fetched fetched)) {
                    System.err.println("could not read " + args[0] + ": " + outcome);
                    System.exit(1);
                    return;
                }
                page = Pages.parse(fetched).orElseThrow();
            }
        } else {
            Path file = Path.of(args[0]);
            page = Jsoup.parse(Files.readString(file), file.toUri().toString());
        }
        PageFacts facts = new PageExtractor().extract(page, region);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("page", page.location());
        profile.put("name", facts.name());
        profile.put("emails", facts.emails());
        profile.put("phones", facts.phones());
        profile.put("address", facts.address());
        profile.put("geo", facts.geo());
        profile.put("description", facts.description());
        profile.put("socialProfiles", facts.socialProfiles());
        profile.put("categories", facts.categories());
        profile.put("openingHours", facts.openingHours());
        profile.put("language", facts.language());
        profile.put("foundingYear", facts.foundingYear());
        profile.put("firmographics", facts.firmographics());
        profile.put("companyPages", facts.companyPageUrls());
        profile.put("contactPages", facts.contactPageUrls());
        System.out.println(EventJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(profile));
    }
}
