package dev.leadstream.scraper.extract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation and normal forms for contact channels: emails lower-cased and stripped of
 * placeholders and image names; phone numbers in E.164 via libphonenumber (a number without a
 * country code is read in the region the request or the site suggests); social profile URLs
 * recognised by host, share and intent links excluded.
 */
public final class Contacts {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern IMAGE_OR_ASSET = Pattern.compile(".*\\.(png|jpe?g|gif|svg|webp|avif|ico|css|js)$");
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "domain.com", "yourdomain.com", "email.com", "company.com", "yoursite.com", "sentry.io",
            "wixpress.com", "sentry.wixpress.com", "test.com");
    private static final Set<String> PLACEHOLDER_USERS = Set.of("you", "your", "yourname", "your.name", "name",
            "firstname", "first.last", "firstname.lastname", "user", "username", "email", "someone", "john.doe",
            "jane.doe", "johndoe", "example");
    private static final List<String> SOCIAL_HOSTS = List.of("instagram.com", "facebook.com", "linkedin.com",
            "tiktok.com", "t.me", "telegram.me", "x.com", "twitter.com", "youtube.com");
    private static final List<String> NOT_PROFILES = List.of("/sharer", "/share", "/intent/", "/dialog/",
            "/plugins/", "/hashtag/", "/embed", "/watch?", "/p/", "/reel/", "/status/", "/login");

    private Contacts() {
    }

    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.startsWith("mailto:")) {
            email = email.substring(7);
        }
        email = email.split("\\?", 2)[0];
        if (!EMAIL.matcher(email).matches() || IMAGE_OR_ASSET.matcher(email).matches()) {
            return Optional.empty();
        }
        String user = email.substring(0, email.indexOf('@'));
        String domain = email.substring(email.indexOf('@') + 1);
        if (PLACEHOLDER_DOMAINS.contains(domain) || PLACEHOLDER_USERS.contains(user) || user.matches("[0-9a-f]{24,}")) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /** E.164 form of a written number, when it is a valid number. */
    public static Optional<String> phone(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw.replace("tel:", "").trim(), region == null ? "ZZ" : region);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Valid phone numbers written anywhere in a text, in E.164. */
    public static List<String> phonesIn(String text, String region) {
        List<String> found = new ArrayList<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, region == null ? "ZZ" : region,
                PhoneNumberUtil.Leniency.VALID, 10_000)) {
            found.add(PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
        }
        return found;
    }

    /** True for any link to a social network, profile or not. */
    public static boolean isSocialHost(String url) {
        String host = Urls.host(url);
        return SOCIAL_HOSTS.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }

    /** The profile URL without query or fragment, when the link points at a social profile. */
    public static Optional<String> socialProfile(String url) {
        try {
            URI uri = URI.create(url.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            boolean social = isSocialHost(url);
            String lower = (path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).toLowerCase(Locale.ROOT);
            if (!social || path.length() < 2 || NOT_PROFILES.stream().anyMatch(lower::contains)) {
                return Optional.empty();
            }
            return Optional.of("https://" + host + path.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
