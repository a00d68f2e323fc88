package dev.leadstream.scraper.extract;

import java.net.URI;
import java.util.Locale;

/** The lower-case host of a URL, or "" when it has none or is not a URL. */
public final class Urls {

    private Urls() {
    }

    public static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }
}
