package dev.leadstream.scraper.extract;

import dev.leadstream.scraper.config.ScraperConfig;
import dev.leadstream.topics.LeadIds;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.time.Instant;

/**
 * Fetches a business's home page and, when it names one, a bounded number of its contact pages,
 * and turns what they say into one raw lead.
 */
@ApplicationScoped
public class SiteScraper {

    private final ScraperConfig config;
    private final PageExtractor extractor = new PageExtractor();

    public SiteScraper(ScraperConfig config) {
        this.config = config;
    }

    public RawLead scrape(String seedUrl, String requestId) throws IOException {
        Document home = fetch(seedUrl);
        PageFacts facts = extractor.extract(home);
        facts.contactPageUrls().stream().distinct().limit(config.maxContactPages()).forEach(url -> {
            try {
                facts.absorb(extractor.extract(fetch(url)));
            } catch (IOException e) {
                // a missing contact page leaves the home page's facts; nothing more to do
            }
        });
        String website = home.location();
        return new RawLead(LeadIds.fromWebsite(website), requestId, website, seedUrl, facts.name(), facts.emails(),
                facts.phones(), facts.address(), facts.description(), facts.socialProfiles(), facts.categories(),
                Instant.now(), Provenance.of("scraper-agent", config.version(), "extractor-v1"));
    }

    private Document fetch(String url) throws IOException {
        Connection.Response response = Jsoup.connect(url)
                .userAgent(config.userAgent())
                .timeout((int) config.timeout().toMillis())
                .maxBodySize(config.maxBodyBytes())
                .followRedirects(true)
                .execute();
        return response.parse();
    }
}
