package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.List;

/**
 * One business as the scraper saw it on its site (home page plus a bounded number of contact
 * pages) or in a listing source; every field carries its evidence.
 *
 * @param site          what the home page is built with; null for a lead read from a listing only
 * @param firmographics what its pages state about its size and reach; null when they state nothing
 */
public record RawLead(
        String leadId,
        String requestId,
        String website,
        String pageUrl,
        String discoverySource,
        FieldValue name,
        List<FieldValue> emails,
        List<FieldValue> phones,
        FieldValue address,
        FieldValue geo,
        FieldValue description,
        List<FieldValue> socialProfiles,
        List<FieldValue> categories,
        List<FieldValue> openingHours,
        FieldValue language,
        FieldValue foundingYear,
        List<String> pagesRead,
        Instant fetchedAt,
        Provenance provenance,
        SiteProfile site,
        Firmographics firmographics) {

    public RawLead {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        socialProfiles = socialProfiles == null ? List.of() : List.copyOf(socialProfiles);
        categories = categories == null ? List.of() : List.copyOf(categories);
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        pagesRead = pagesRead == null ? List.of() : List.copyOf(pagesRead);
    }
}
