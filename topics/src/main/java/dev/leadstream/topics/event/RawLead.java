package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.List;

/** One business as the scraper saw it on one page; every field carries its evidence. */
public record RawLead(
        String leadId,
        String requestId,
        String website,
        String pageUrl,
        FieldValue name,
        List<FieldValue> emails,
        List<FieldValue> phones,
        FieldValue address,
        FieldValue description,
        List<FieldValue> socialProfiles,
        List<FieldValue> categories,
        Instant fetchedAt,
        Provenance provenance) {

    public RawLead {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        socialProfiles = socialProfiles == null ? List.of() : List.copyOf(socialProfiles);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
