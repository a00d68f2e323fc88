package dev.leadstream.topics.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * What a business's own pages state about its size and reach, each with the page that states
 * it; null where a page says nothing. Never estimated.
 *
 * @param priceRange schema.org priceRange, e.g. {@code ££}
 * @param locations  each distinct premises address the site names
 * @param employees  a stated headcount: schema.org numberOfEmployees, or a sentence such as "a team of 12"
 * @param teamSize   how many people a team or staff page presents (the number only, never the names)
 * @param openRoles  job postings on a careers page: their number and titles
 */
public record Firmographics(
        FieldValue priceRange,
        List<FieldValue> locations,
        FieldValue employees,
        FieldValue teamSize,
        FieldValue openRoles) {

    public Firmographics {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return priceRange == null && locations.isEmpty() && employees == null && teamSize == null && openRoles == null;
    }
}
