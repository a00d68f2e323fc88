package dev.leadstream.scoring.normalise;

import dev.leadstream.topics.event.ScoredLead.Location;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-line postal address split into street, postcode, city, region and country. Postcode
 * shapes tell the country where the address does not name it (UK, US, Canada, the Netherlands'
 * four digits and two letters, and the 4-5 digit codes of most of Europe); a part the address does
 * not contain stays null rather than guessed.
 */
public final class Addresses {

    private static final Pattern UK = Pattern.compile("\\b([A-Z]{1,2}\\d[A-Z\\d]?) ?(\\d[A-Z]{2})\\b");
    private static final Pattern US = Pattern.compile("\\b([A-Z]{2})\\s+(\\d{5}(?:-\\d{4})?)\\b");
    private static final Pattern CA = Pattern.compile("\\b([A-Z]{2})\\s+([A-Z]\\d[A-Z]) ?(\\d[A-Z]\\d)\\b");
    private static final Pattern NL = Pattern.compile("\\b(\\d{4}) ?([A-Z]{2})\\b");
    private static final Pattern DIGITS = Pattern.compile("\\b(\\d{4,5})\\b");
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("uk", "GB"), Map.entry("gb", "GB"), Map.entry("united kingdom", "GB"), Map.entry("england", "GB"),
            Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("great britain", "GB"),
            Map.entry("us", "US"), Map.entry("usa", "US"), Map.entry("united states", "US"),
            Map.entry("united states of america", "US"), Map.entry("canada", "CA"), Map.entry("ca", "CA"),
            Map.entry("ireland", "IE"), Map.entry("ie", "IE"), Map.entry("germany", "DE"), Map.entry("deutschland", "DE"),
            Map.entry("de", "DE"), Map.entry("france", "FR"), Map.entry("fr", "FR"), Map.entry("spain", "ES"),
            Map.entry("españa", "ES"), Map.entry("italy", "IT"), Map.entry("italia", "IT"),
            Map.entry("netherlands", "NL"), Map.entry("nederland", "NL"), Map.entry("australia", "AU"));

    private Addresses() {
    }

    public static Location parse(String address, String countryHint) {
        if (address == null || address.isBlank()) {
            return countryHint == null ? null : new Location(null, null, null, null, countryHint);
        }
        List<String> parts = new ArrayList<>(Arrays.stream(address.split("[,\\n]")).map(String::trim)
                .filter(p -> !p.isEmpty()).toList());
        String country = parts.size() > 1 ? COUNTRIES.get(parts.getLast().toLowerCase(Locale.ROOT)) : null;
        if (country != null) {
            parts.removeLast();
        }
        String street = parts.size() > 1 ? parts.getFirst() : null;
        List<String> rest = street == null ? parts : parts.subList(1, parts.size());

        String postcode = null;
        String region = null;
        String city = null;
        for (int i = rest.size() - 1; i >= 0 && postcode == null; i--) {
            String part = rest.get(i);
            Matcher m;
            if ((m = CA.matcher(part)).find()) {
                region = m.group(1);
                postcode = m.group(2) + " " + m.group(3);
                country = country == null ? "CA" : country;
            } else if ((m = UK.matcher(part)).find()) {
                postcode = m.group(1) + " " + m.group(2);
                country = country == null ? "GB" : country;
            } else if ((m = US.matcher(part)).find()) {
                region = m.group(1);
                postcode = m.group(2);
                country = country == null ? "US" : country;
            } else if ((m = NL.matcher(part)).find()) {
                postcode = m.group(1) + " " + m.group(2);
                country = country == null ? "NL" : country;
            } else if ((m = DIGITS.matcher(part)).find()) {
                postcode = m.group(1);
            }
            if (postcode != null) {
                String remainder = part.substring(0, m.start()).concat(part.substring(m.end())).trim();
                city = !remainder.isEmpty() ? remainder : i > 0 ? rest.get(i - 1) : null;
            }
        }
        if (city == null && !rest.isEmpty()) {
            city = rest.getFirst();
        }
        return new Location(street, postcode, city, region, country != null ? country : countryHint);
    }
}
