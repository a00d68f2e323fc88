package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.SiteProfile;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes what a home page is built with (its scripts, stylesheets, frames, outbound links and a few
 * headers) so enrichment can tell its CMS, shop, booking widget and tags without fetching it again.
 * Only URLs and short attributes are kept, each list capped, so the record stays small.
 */
public final class SiteProfileReader {

    static final int MAX_URLS = 40;
    private static final int MAX_URL_LENGTH = 300;
    private static final Pattern URL_IN_SCRIPT = Pattern.compile("https?://[\\w.-]+(?:/[\\w./%?=&+-]*)?");

    public SiteProfile read(Document page, long pageBytes, String lastModified, Instant fetchedAt) {
        String url = page.location();
        String siteHost = Urls.host(url).replaceFirst("^www\\.", "");
        Set<String> links = new LinkedHashSet<>();
        for (Element link : page.select("a[href], form[action]")) {
            String target = link.hasAttr("href") ? link.absUrl("href") : link.absUrl("action");
            String host = Urls.host(target);
            if (!host.isEmpty() && !host.endsWith(siteHost)) {
                add(links, target);
            }
        }
        return new SiteProfile(url, url.startsWith("https://"), meta(page, "generator"), meta(page, "viewport"),
                pageBytes, lastModified, absolute(page, "script[src]", "src"), inlineUrls(page),
                absolute(page, "link[rel~=(?i)stylesheet][href]", "href"), absolute(page, "iframe[src]", "src"),
                List.copyOf(links), fetchedAt, language(page));
    }

    /** "de-AT" and "DE" both give "de"; anything that is not a language tag gives null. */
    static String language(Document page) {
        Element html = page.selectFirst("html[lang]");
        String primary = html == null ? "" : html.attr("lang").trim().split("[-_]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    private static String meta(Document page, String name) {
        Element meta = page.selectFirst("meta[name=" + name + "][content]");
        return meta == null || meta.attr("content").isBlank() ? null : cut(meta.attr("content").trim());
    }

    private static List<String> absolute(Document page, String selector, String attribute) {
        Set<String> urls = new LinkedHashSet<>();
        page.select(selector).forEach(element -> add(urls, element.absUrl(attribute)));
        return List.copyOf(urls);
    }

    private static List<String> inlineUrls(Document page) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element script : page.select("script:not([src]):not([type=application/ld+json])")) {
            Matcher matcher = URL_IN_SCRIPT.matcher(script.data());
            while (matcher.find()) {
                add(urls, matcher.group());
            }
        }
        return List.copyOf(urls);
    }

    private static void add(Set<String> urls, String url) {
        if (!url.isBlank() && urls.size() < MAX_URLS) {
            urls.add(cut(url));
        }
    }

    private static String cut(String value) {
        return value.length() <= MAX_URL_LENGTH ? value : value.substring(0, MAX_URL_LENGTH);
    }
}
