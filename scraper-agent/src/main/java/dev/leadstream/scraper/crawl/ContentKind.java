package dev.leadstream.scraper.crawl;

import java.util.List;
import java.util.Locale;

/** What a fetch expects back; other content types are refused before their body is read. */
public enum ContentKind {
    HTML("text/html,application/xhtml+xml;q=0.9", List.of("text/html", "application/xhtml+xml")),
    SITEMAP("application/xml,text/xml;q=0.9,text/plain;q=0.5", List.of("application/xml", "text/xml", "text/plain")),
    DATA("application/json,text/csv,text/plain;q=0.5", List.of("application/json", "text/csv", "text/plain")),
    /** robots.txt is often served with a wrong type; its parser copes with anything. */
    ROBOTS("text/plain", List.of());

    private final String acceptHeader;
    private final List<String> accepted;

    ContentKind(String acceptHeader, List<String> accepted) {
        this.acceptHeader = acceptHeader;
        this.accepted = accepted;
    }

    public String acceptHeader() {
        return acceptHeader;
    }

    /** A missing Content-Type is given the benefit of the doubt; parsing decides. */
    public boolean accepts(String contentType) {
        if (this == ROBOTS || contentType == null || contentType.isBlank()) {
            return true;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return accepted.contains(mediaType) || (this == SITEMAP && mediaType.endsWith("+xml"));
    }
}
