package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.crawl.CrawlSession;
import org.jsoup.nodes.Document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The seed URLs are directory or listing pages: every business site they link to is a candidate.
 * Pagination is followed until the page budget ends; category pages (configured directories
 * only) are followed down to {@code maxDepth}.
 */
public final class DirectorySource implements DiscoverySource {

    private record Visit(String url, int depth) {
    }

    private final ListingReader listings;

    public DirectorySource(ListingReader listings) {
        this.listings = listings;
    }

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public void discover(CrawlSession session, Predicate<Candidate> sink) {
        Deque<Visit> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        session.request().seedUrls().forEach(url -> queue.add(new Visit(url, 0)));
        while (!queue.isEmpty() && !session.stopped()) {
            Visit visit = queue.poll();
            String normal = session.fetcher().normalise(visit.url());
            if (normal == null || !seen.add(normal)) {
                continue;
            }
            Optional<Document> page = Pages.html(session, normal);
            if (page.isEmpty()) {
                continue;
            }
            ListingReader.Listing listing = listings.read(page.get());
            for (String site : listing.businessSites()) {
                if (!sink.test(Candidate.site(site, name()))) {
                    return;
                }
            }
            if (listing.nextPage() != null) {
                queue.addFirst(new Visit(listing.nextPage(), visit.depth()));
            }
            if (visit.depth() < session.request().limits().maxDepth()) {
                listing.categoryPages().forEach(url -> queue.addLast(new Visit(url, visit.depth() + 1)));
            }
        }
    }
}
