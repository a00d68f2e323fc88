package dev.leadstream.local.sample;

/**
 * A made-up business with a website, and the facts an extractor should find on it. The markup
 * style decides how the facts are written into the pages.
 */
public record SampleBusiness(
        String slug,
        String name,
        String sector,
        String city,
        String street,
        String postcode,
        String country,
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

    public String address() {
        return street + ", " + city + " " + postcode;
    }
}
