package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.List;

/**
 * What a business's home page is built with, as the scraper saw it: the raw material for
 * technology and website signals, so enrichment can fingerprint a site without crawling it again.
 * Lists are capped and hold URLs as the page wrote them, resolved against the page.
 *
 * @param url          the home page, after redirects
 * @param generator    the page's {@code <meta name="generator">}, or null
 * @param viewport     the page's {@code <meta name="viewport">}, or null
 * @param pageBytes    bytes of HTML the server sent
 * @param lastModified the Last-Modified header, as sent, or null
 * @param scripts      {@code <script src>} URLs
 * @param inlineUrls   URLs named inside inline scripts (where tag managers and pixels load from)
 * @param stylesheets  {@code <link rel=stylesheet>} URLs
 * @param iframes      {@code <iframe src>} URLs
 * @param links        links and form targets that leave the site (booking, ordering, social)
 * @param language     the primary language the page declares ({@code <html lang>}), two letters, or null
 */
public record SiteProfile(
        String url,
        boolean https,
        String generator,
        String viewport,
        long pageBytes,
        String lastModified,
        List<String> scripts,
        List<String> inlineUrls,
        List<String> stylesheets,
        List<String> iframes,
        List<String> links,
        Instant fetchedAt,
        String language) {

    public SiteProfile {
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        inlineUrls = inlineUrls == null ? List.of() : List.copyOf(inlineUrls);
        stylesheets = stylesheets == null ? List.of() : List.copyOf(stylesheets);
        iframes = iframes == null ? List.of() : List.copyOf(iframes);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A profile of a page that declares no language. */
    public SiteProfile(String url, boolean https, String generator, String viewport, long pageBytes, String lastModified,
                       List<String> scripts, List<String> inlineUrls, List<String> stylesheets, List<String> iframes,
                       List<String> links, Instant fetchedAt) {
        this(url, https, generator, viewport, pageBytes, lastModified, scripts, inlineUrls, stylesheets, iframes, links,
                fetchedAt, null);
    }
}
