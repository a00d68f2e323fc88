package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One real business: merged from every page, source and request that found it, normalised, and
 * scored 0-100 (tier A-D) against its segment's ideal-customer profile with the reason for every
 * point. Keyed by lead id; the latest record per key is the truth.
 *
 * @param emails        valid, lower-cased addresses
 * @param phones        valid numbers in E.164
 * @param sector        the taxonomy sector the categories and keywords map to, or null
 * @param emailDetails  each address with its kind: {@code role} (info@) or {@code personal} (jane@)
 * @param socialHandles platform → handle
 * @param duplicates    other leads that look like the same business, and why
 * @param knockouts     rules that forced the score to 0; empty when none applied
 * @param evidence      field → every value seen, with its page, method and confidence
 * @param history       the latest changes to single-valued fields, oldest first
 * @param updatedAt     when the newest page merged into this lead was fetched
 * @param requestIds    the discovery requests that found this business (up to 20)
 * @param site          what its home page was built with when last crawled, or null
 */
public record ScoredLead(
        String leadId,
        String name,
        String website,
        List<String> emails,
        List<String> phones,
        String address,
        String description,
        List<String> socialProfiles,
        List<String> categories,
        List<String> sourceUrls,
        String segment,
        int score,
        String tier,
        List<FeatureContribution> explanation,
        String modelVersion,
        Provenance provenance,
        String sector,
        Location location,
        List<Email> emailDetails,
        Map<String, String> socialHandles,
        Signals signals,
        List<DuplicateLink> duplicates,
        List<String> knockouts,
        Map<String, List<FieldValue>> evidence,
        List<FieldChange> history,
        Instant updatedAt,
        List<String> requestIds,
        SiteProfile site) {

    /** What one feature added to the score, and why. */
    public record FeatureContribution(String feature, double value, double weight, double points, String reason) {
    }

    /** The postal address in parts; any part may be null where the address did not say. */
    public record Location(String street, String postcode, String city, String region, String country) {
    }

    public record Email(String address, String kind) {
        public static final String ROLE = "role";
        public static final String PERSONAL = "personal";
    }

    /**
     * @param https           the website is served over https
     * @param reachable       a page of the website was fetched
     * @param completeness    share of the profile fields that are filled, 0 to 1
     * @param contactChannels how many of email, phone and social profile the lead can be reached by
     */
    public record Signals(boolean https, boolean reachable, double completeness, int contactChannels) {
    }

    /** Another lead that shares a phone number, or a normalised name and address, with this one. */
    public record DuplicateLink(String leadId, String matchedOn, String reason) {
    }

    public record FieldChange(String field, String from, String to, String sourceUrl, Instant at) {
    }

    public ScoredLead {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        socialProfiles = socialProfiles == null ? List.of() : List.copyOf(socialProfiles);
        categories = categories == null ? List.of() : List.copyOf(categories);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
        emailDetails = emailDetails == null ? List.of() : List.copyOf(emailDetails);
        socialHandles = sorted(socialHandles);
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
        knockouts = knockouts == null ? List.of() : List.copyOf(knockouts);
        evidence = sorted(evidence);
        history = history == null ? List.of() : List.copyOf(history);
        requestIds = requestIds == null ? List.of() : List.copyOf(requestIds);
    }

    /** Sorted by key, so the same lead always serialises to the same JSON. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    public static String tierOf(int score) {
        if (score >= 75) return "A";
        if (score >= 50) return "B";
        if (score >= 25) return "C";
        return "D";
    }
}
