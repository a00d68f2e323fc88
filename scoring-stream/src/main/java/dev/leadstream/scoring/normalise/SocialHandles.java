package dev.leadstream.scoring.normalise;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Platform and handle from a social profile URL: instagram.com/rosebakery → instagram: rosebakery. */
public final class SocialHandles {

    private static final Map<String, String> PLATFORMS = Map.ofEntries(
            Map.entry("instagram.com", "instagram"), Map.entry("facebook.com", "facebook"),
            Map.entry("fb.com", "facebook"), Map.entry("linkedin.com", "linkedin"), Map.entry("tiktok.com", "tiktok"),
            Map.entry("t.me", "telegram"), Map.entry("telegram.me", "telegram"), Map.entry("x.com", "x"),
            Map.entry("twitter.com", "x"), Map.entry("youtube.com", "youtube"));
    private static final Set<String> NOT_HANDLES = Set.of("sharer", "share", "intent", "home", "watch", "p", "reel");

    private SocialHandles() {
    }

    public static Map<String, String> of(List<String> profileUrls) {
        Map<String, String> handles = new TreeMap<>();
        profileUrls.forEach(url -> handle(url).ifPresent(h -> handles.putIfAbsent(h[0], h[1])));
        return handles;
    }

    /** {platform, handle}, or empty when the URL is no profile. */
    static Optional<String[]> handle(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getPath() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www|m|mobile)\\.", "");
        String platform = PLATFORMS.get(host);
        String[] parts = uri.getPath().replaceAll("^/+|/+$", "").split("/");
        if (platform == null || parts.length == 0 || parts[0].isEmpty() || NOT_HANDLES.contains(parts[0])) {
            return Optional.empty();
        }
        String handle = switch (platform) {
            case "linkedin" -> parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
            case "youtube" -> parts[0].startsWith("@") || parts.length == 1 ? parts[0] : parts[0] + "/" + parts[1];
            default -> parts[0].startsWith("@") ? parts[0].substring(1) : parts[0];
        };
        return Optional.of(new String[] {platform, handle});
    }
}
