package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.crawl.ContentKind;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.FetchOutcome;
import dev.leadstream.scraper.extract.PageExtractor;
import dev.leadstream.scraper.extract.PageFacts;
import dev.leadstream.scraper.extract.Regions;
import dev.leadstream.scraper.extract.SiteProfileReader;
import dev.leadstream.scraper.render.ChromiumRenderer;
import dev.leadstream.topics.LeadIds;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.SiteProfile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a candidate into one raw lead: reads the business's home page; when it lacks an email or a
 * phone number, a bounded number of its contact/about/imprint pages; and a bounded number of its
 * team, careers and locations pages, for what they state about its size. Then joins that with
 * whatever the source already knew.
 */
public final class SiteScraper {

    public static final String EXTRACTOR_VERSION = "extractor-v2";

    private final PageExtractor extractor = new PageExtractor();
    private final SiteProfileReader siteReader = new SiteProfileReader();
    private final int maxContactPages;
    private final int maxCompanyPages;
    private final ChromiumRenderer renderer;
    private final String version;

    public SiteScraper(int maxContactPages, int maxCompanyPages, ChromiumRenderer renderer, String version) {
        this.maxContactPages = maxContactPages;
        this.maxCompanyPages = maxCompanyPages;
        this.renderer = renderer;
        this.version = version;
    }

    public Optional<RawLead> scrape(Candidate candidate, CrawlSession session) {
        String region = Regions.ofGeography(session.request().geography());
        PageFacts facts = new PageFacts();
        if (candidate.known() != null) {
            facts.absorb(candidate.known());
        }
        String website = null;
        SiteProfile site = null;
        if (candidate.website() != null) {
            Optional<Loaded> home = load(candidate.website(), session);
            if (home.isEmpty() && candidate.known() == null) {
                return Optional.empty();
            }
            website = home.map(h -> origin(h.page().location())).orElse(candidate.website());
            if (home.isPresent()) {
                site = home.get().profile(siteReader);
                PageFacts homeFacts = extractor.extract(home.get().page(), region);
                facts.absorb(homeFacts);
                if (facts.emails().isEmpty() || facts.phones().isEmpty()) {
                    read(homeFacts.contactPageUrls(), maxContactPages, facts, session, region).forEach(facts::absorb);
                }
                read(homeFacts.companyPageUrls(), maxCompanyPages, facts, session, region).forEach(facts::absorbSizeAndReach);
            }
        }
        if (facts.name() == null && (website == null || !facts.hasContact())) {
            return Optional.empty(); // nothing to call the business by, or nothing to reach it with
        }
        String leadId = website != null ? LeadIds.fromWebsite(website)
                : LeadIds.fromNameAndAddress(facts.name().value(), value(facts.address()));
        String pageUrl = facts.pagesRead().isEmpty() ? candidate.website() : facts.pagesRead().getFirst();
        return Optional.of(new RawLead(leadId, session.request().requestId(), website,
                pageUrl == null ? sourceUrlOf(facts) : pageUrl, candidate.source(),
                facts.name(), facts.emails(), facts.phones(), facts.address(), facts.geo(), facts.description(),
                facts.socialProfiles(), facts.categories(), facts.openingHours(), facts.language(),
                facts.foundingYear(), facts.pagesRead(), Instant.now(),
                Provenance.of("scraper-agent", version, EXTRACTOR_VERSION), site, facts.firmographics()));
    }

    /** What up to {@code max} of the linked pages that {@code facts} has not read yet say. */
    private List<PageFacts> read(List<String> urls, int max, PageFacts facts, CrawlSession session, String region) {
        return urls.stream().filter(url -> !facts.pagesRead().contains(url)).limit(max)
                .flatMap(url -> load(url, session).stream())
                .map(loaded -> extractor.extract(loaded.page(), region))
                .toList();
    }

    /** A fetched page and its document, rendered in the browser when the request asks for it. */
    private record Loaded(FetchOutcome.Fetched fetched, Document page) {
        SiteProfile profile(SiteProfileReader reader) {
            return reader.read(page, fetched.body().length, fetched.lastModified(), Instant.now());
        }
    }

    private Optional<Loaded> load(String url, CrawlSession session) {
        return session.fetch(url, ContentKind.HTML)
                .flatMap(fetched -> document(fetched, session).map(page -> new Loaded(fetched, page)));
    }

    private Optional<Document> document(FetchOutcome.Fetched fetched, CrawlSession session) {
        if (!session.request().renderJavaScript()) {
            return Pages.parse(fetched);
        }
        if (renderer == null || !renderer.available()) {
            session.note(renderer == null ? "JavaScript rendering is not configured on this scraper; pages were read without it"
                    : renderer.unavailableReason());
            return Pages.parse(fetched);
        }
        try {
            Optional<String> dom = renderer.render(fetched.finalUri());
            if (dom.isPresent()) {
                return Optional.of(Jsoup.parse(dom.get(), fetched.finalUri().toString()));
            }
            session.note("some pages could not be rendered in the browser and were read without JavaScript");
        } catch (IOException e) {
            session.note("the browser could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Pages.parse(fetched);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
    }

    private static String sourceUrlOf(PageFacts facts) {
        return facts.name() != null ? facts.name().sourceUrl() : facts.emails().isEmpty()
                ? facts.phones().getFirst().sourceUrl() : facts.emails().getFirst().sourceUrl();
    }

    private static String value(FieldValue v) {
        return v == null ? null : v.value();
    }
}
