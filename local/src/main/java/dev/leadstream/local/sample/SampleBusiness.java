package dev.leadstream.local.sample;

/**
 * A made-up business with a website, and the facts an extractor should find on it. The markup
 * style decides how the facts are written into the pages; the language, which the country
 * speaks, what they say.
 *
 * @param country  ISO 3166 code: GB, DE, NL or FR
 * @param language ISO 639-1 code of the site's language, as its {@code <html lang>} declares it
 */
public record SampleBusiness(
        String slug,
        String name,
        String sector,
        String city,
        String street,
        String postcode,
        String country,
        String language,
        String email,
        String phone,
        String description,
        String instagram,
        Markup markup) {

    public enum Markup {
        /** schema.org LocalBusiness as JSON-LD in the home page */
        JSON_LD,
        /** schema.org microdata attributes on the visible text */
        MICRODATA,
        /** no structured data and sloppy, unclosed HTML; contacts only on a linked contact page */
        PLAIN_CONTACT_PAGE,
        /** schema.org as RDFa Lite (vocab, typeof, property) */
        RDFA
    }

    public String host() {
        return slug + ".test";
    }

    /** One line, written as the country writes it: "12 Mill Lane, Leeds LS1 4AB", "Hauptstraße 12, 50672 Köln". */
    public String address() {
        return SampleCountry.valueOf(country).address(street, postcode, city);
    }
}
