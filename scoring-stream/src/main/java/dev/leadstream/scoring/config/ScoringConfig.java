package dev.leadstream.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    /** The segment every lead is scored against until campaigns define their own. */
    @WithDefault("default")
    String segment();

    /**
     * Prior weight of each feature, before anything is learned. A lead's score is the share of the
     * total weight its features earn, 0 to 100.
     */
    Map<String, Double> prior();

    /** How much a learned model counts against the prior, 0 (ignore it) to 1 (only it). */
    @WithDefault("0.5")
    double learnedShare();
}
