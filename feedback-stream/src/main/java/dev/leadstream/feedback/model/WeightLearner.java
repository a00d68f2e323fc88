package dev.leadstream.feedback.model;

import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoringModel;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a segment's outcomes into scoring weights. Replies and clicks raise the weight of the
 * channels that reached people; bounces and rejections lower the weight of email. Smoothed, so a
 * handful of signals moves the weights only a little.
 */
public class WeightLearner {

    /** Pseudo-observations of the prior: the model needs this many signals to move half-way. */
    private static final double SMOOTHING = 20;

    private final Map<String, Double> prior;

    public WeightLearner(Map<String, Double> prior) {
        this.prior = new TreeMap<>(prior);
    }

    public ScoringModel learn(String segment, EngagementTally tally) {
        double sent = Math.max(1, tally.count(Engagement.SENT));
        double positive = tally.count(Engagement.REPLIED) + 0.5 * tally.count(Engagement.CLICKED)
                + 0.25 * tally.count(Engagement.OPENED);
        double negative = tally.count(Engagement.BOUNCED) + tally.count(Engagement.UNSUBSCRIBED)
                + tally.count(Engagement.REJECTED);
        double evidence = tally.total() / (tally.total() + SMOOTHING);
        double lift = 1 + evidence * ((positive - negative) / sent);
        Map<String, Double> weights = new TreeMap<>();
        prior.forEach((feature, weight) -> weights.put(feature,
                feature.equals("has_email") || feature.equals("has_social") ? round(weight * Math.max(0.2, lift)) : weight));
        return new ScoringModel(segment, "learned-" + tally.total(), weights, tally.total(), Instant.now(),
                Provenance.of("feedback-stream", "0.1.0", "smoothed-lift-v1"));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
