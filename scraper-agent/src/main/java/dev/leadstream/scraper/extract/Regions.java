package dev.leadstream.scraper.extract;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ISO 3166 region a request's geography or a site's domain points to, used to read phone
 * numbers written without a country code. "Leeds, GB", "Leeds, UK", "Portland, OR" (a US state),
 * "Berlin, Germany" and "bakery.co.uk" all resolve. Unknown means null, never a guess.
 */
public final class Regions {

    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY", "DC");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            NAMES.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        NAMES.put("uk", "GB");
        NAMES.put("england", "GB");
        NAMES.put("scotland", "GB");
        NAMES.put("wales", "GB");
        NAMES.put("usa", "US");
        NAMES.put("us", "US");
    }

    private Regions() {
    }

    /** The region named by the last part of a geography that names one, or null. */
    public static String ofGeography(String geography) {
        if (geography == null || geography.isBlank()) {
            return null;
        }
        String[] parts = Arrays.stream(geography.split("[,/]")).map(String::trim).filter(p -> !p.isEmpty())
                .toArray(String[]::new);
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            String byName = NAMES.get(part.toLowerCase(Locale.ROOT));
            if (byName != null) {
                return byName;
            }
            String upper = part.toUpperCase(Locale.ROOT);
            if (part.length() == 2 && COUNTRIES.contains(upper)) {
                return upper; // an ISO code wins over a state of the same letters: "Berlin, DE" is Germany
            }
            if (part.length() == 2 && i > 0 && US_STATES.contains(upper)) {
                return "US";
            }
        }
        return null;
    }

    /** The region of a site's country-code top-level domain, or null for .com, .test and the like. */
    public static String ofWebsite(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return null;
            }
            String tld = host.substring(host.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
            if ("UK".equals(tld)) {
                return "GB";
            }
            return tld.length() == 2 && COUNTRIES.contains(tld) ? tld : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
