package dev.leadstream.topics.event;

import java.util.List;

/** A merged, normalised lead with its score 0-100, tier A-D and the reason for every point. */
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
        Provenance provenance) {

    /** What one feature added to the score, and why. */
    public record FeatureContribution(String feature, double value, double weight, double points, String reason) {
    }

    public ScoredLead {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        socialProfiles = socialProfiles == null ? List.of() : List.copyOf(socialProfiles);
        categories = categories == null ? List.of() : List.copyOf(categories);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }

    public static String tierOf(int score) {
        if (score >= 75) return "A";
        if (score >= 50) return "B";
        if (score >= 25) return "C";
        return "D";
    }
}
