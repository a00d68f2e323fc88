package dev.leadstream.scoring.model;

import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoredLead.FeatureContribution;
import dev.leadstream.topics.event.ScoringModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a merged lead: each feature is 0 or 1, weighted by the prior blended with the learned
 * model of the lead's segment. Every feature's points and the reason are part of the result.
 */
public final class LeadScorer {

    public static final String PRIOR_VERSION = "prior-v1";

    private final Map<String, Double> prior;
    private final double learnedShare;
    private final String segment;

    public LeadScorer(Map<String, Double> prior, double learnedShare, String segment) {
        this.prior = new TreeMap<>(prior);
        this.learnedShare = learnedShare;
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    public ScoredLead score(MergedLead lead, ScoringModel model) {
        Map<String, Feature> features = features(lead);
        List<FeatureContribution> explanation = new ArrayList<>();
        double earned = 0;
        double possible = 0;
        for (Map.Entry<String, Double> entry : prior.entrySet()) {
            Feature feature = features.getOrDefault(entry.getKey(), new Feature(0, "not measured"));
            double weight = weight(entry.getKey(), entry.getValue(), model);
            double points = feature.value() * weight;
            earned += points;
            possible += weight;
            explanation.add(new FeatureContribution(entry.getKey(), feature.value(), round(weight), round(points), feature.reason()));
        }
        int score = possible <= 0 ? 0 : (int) Math.round(Math.max(0, Math.min(100, 100 * earned / possible)));
        return new ScoredLead(lead.leadId(), text(lead.name()), lead.website(), List.copyOf(lead.emails().keySet()),
                List.copyOf(lead.phones().keySet()), text(lead.address()), text(lead.description()),
                List.copyOf(lead.socialProfiles().keySet()), lead.categories().values().stream().map(FieldValue::value).toList(),
                lead.sourceUrls(), segment, score, ScoredLead.tierOf(score), explanation,
                model == null ? PRIOR_VERSION : model.version(), Provenance.of("scoring-stream", "0.1.0", "weighted-features-v1"));
    }

    private double weight(String feature, double priorWeight, ScoringModel model) {
        if (model == null || !model.weights().containsKey(feature)) {
            return priorWeight;
        }
        return (1 - learnedShare) * priorWeight + learnedShare * model.weights().get(feature);
    }

    private record Feature(double value, String reason) {
    }

    private static Map<String, Feature> features(MergedLead lead) {
        Map<String, Feature> f = new LinkedHashMap<>();
        f.put("has_email", present(!lead.emails().isEmpty(), lead.emails().size() + " email address(es) found", "no email address found"));
        f.put("has_phone", present(!lead.phones().isEmpty(), lead.phones().size() + " phone number(s) found", "no phone number found"));
        f.put("has_address", present(lead.address() != null, "postal address found", "no postal address found"));
        f.put("has_name", present(lead.name() != null, "business name found", "no business name found"));
        f.put("has_description", present(lead.description() != null, "the site describes the business", "no description found"));
        f.put("has_social", present(!lead.socialProfiles().isEmpty(), lead.socialProfiles().size() + " social profile(s)", "no social profile found"));
        boolean https = lead.website() != null && lead.website().startsWith("https://");
        f.put("https_website", present(https, "website served over https", "website not served over https"));
        f.put("structured_data", present(hasStructuredData(lead), "the site publishes schema.org data", "no schema.org data"));
        return f;
    }

    private static boolean hasStructuredData(MergedLead lead) {
        return lead.name() != null && (lead.name().method().equals("json-ld") || lead.name().method().equals("microdata"));
    }

    private static Feature present(boolean yes, String whyYes, String whyNo) {
        return yes ? new Feature(1, whyYes) : new Feature(0, whyNo);
    }

    private static String text(FieldValue value) {
        return value == null ? null : value.value();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
