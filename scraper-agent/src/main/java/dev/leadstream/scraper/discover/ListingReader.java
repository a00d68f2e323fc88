package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.extract.Contacts;
import dev.leadstream.scraper.extract.Urls;
import dev.leadstream.topics.LeadIds;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a directory or listing page: the business sites it links to, its next page, and its
 * category pages. Directories with known markup get CSS selectors from configuration; any other
 * listing is read by heuristics (links to other domains outside header, nav and footer;
 * {@code rel=next} or a "Next" link for pagination).
 */
public final class ListingReader {

    /** Selectors for one directory host; {@code category} may be empty. */
    public record Selectors(String business, String next, String category) {
    }

    public record Listing(List<String> businessSites, String nextPage, List<String> categoryPages) {
    }

    private static final Pattern NEXT_TEXT = Pattern.compile("^(next( page)?|more|older|›|»|>|→|next ›|next »|suivant|weiter)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_BUSINESSES = Set.of("google.com", "apple.com", "wikipedia.org", "w3.org",
            "schema.org", "openstreetmap.org", "tripadvisor.com", "yelp.com", "bing.com", "mozilla.org", "wordpress.org",
            "wix.com", "squarespace.com", "cloudflare.com", "gstatic.com", "googleapis.com", "doubleclick.net");

    /** Page chrome: links there point at the directory's friends, not at its listings. */
    private static final Set<String> CHROME = Set.of("header", "nav", "footer", "aside");

    private final Map<String, Selectors> byHost;

    public ListingReader(Map<String, Selectors> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    public Listing read(Document page) {
        String host = Urls.host(page.location());
        Selectors selectors = byHost.get(host);
        return selectors != null ? configured(page, selectors) : heuristic(page);
    }

    private static Listing configured(Document page, Selectors s) {
        List<String> sites = hrefs(page.select(s.business()));
        Element next = s.next() == null || s.next().isBlank() ? null : page.selectFirst(s.next());
        List<String> categories = s.category() == null || s.category().isBlank() ? List.of() : hrefs(page.select(s.category()));
        return new Listing(sites, next == null ? null : emptyToNull(next.absUrl("href")), categories);
    }

    private static Listing heuristic(Document page) {
        String ownDomain = domain(page.location());
        Set<String> sites = new LinkedHashSet<>();
        for (Element link : page.select("a[href]")) {
            if (link.parents().stream().anyMatch(p -> CHROME.contains(p.normalName()))) {
                continue;
            }
            String url = link.absUrl("href");
            String domain = domain(url);
            if (!url.startsWith("http") || domain.isEmpty() || domain.equals(ownDomain)
                    || NOT_BUSINESSES.contains(domain) || Contacts.isSocialHost(url)) {
                continue;
            }
            sites.add(url.split("#", 2)[0]);
        }
        return new Listing(List.copyOf(sites), nextPage(page), List.of());
    }

    private static String nextPage(Document page) {
        Element rel = page.selectFirst("a[rel~=(?i)next][href], link[rel~=(?i)next][href]");
        if (rel != null) {
            return emptyToNull(rel.absUrl("href"));
        }
        for (Element link : page.select("a[href]")) {
            String label = (link.text() + " " + link.attr("aria-label")).trim();
            if (NEXT_TEXT.matcher(link.text().trim()).matches() || label.toLowerCase(Locale.ROOT).contains("next page")) {
                return emptyToNull(link.absUrl("href"));
            }
        }
        return null;
    }

    private static List<String> hrefs(List<Element> links) {
        List<String> urls = new ArrayList<>();
        links.forEach(l -> {
            String url = l.absUrl("href");
            if (!url.isEmpty()) {
                urls.add(url);
            }
        });
        return urls;
    }

    static String domain(String url) {
        try {
            return LeadIds.fromWebsite(url);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
