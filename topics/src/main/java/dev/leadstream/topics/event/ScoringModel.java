package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.Map;

/** The learned scoring weights of one segment; the topic is compacted, so the latest wins. */
public record ScoringModel(
        String segment,
        String version,
        Map<String, Double> weights,
        long observations,
        Instant trainedAt,
        Provenance provenance) {

    public ScoringModel {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }
}
