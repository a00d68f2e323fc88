package dev.leadstream.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ideal-customer profiles leads are scored against. {@code scoring.prior.*} and
 * {@code scoring.knockouts} make the default profile; each {@code scoring.segments.<name>.*}
 * defines a campaign's own, overriding prior weights where it names them.
 */
@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    /** The segment a lead falls into when no configured segment claims it. */
    @WithDefault("default")
    String segment();

    /** Weight of each feature before anything is learned; a score is the share of the total weight earned. */
    Map<String, Double> prior();

    /** Rules that force the default segment's score to 0: no-contact, outside-geography, missing-required-channel. */
    @WithDefault("no-contact")
    List<String> knockouts();

    /** How much a learned model counts against the prior, 0 (ignore it) to 1 (only it). */
    @WithDefault("0.5")
    double learnedShare();

    Map<String, Segment> segments();

    interface Segment {
        /** Taxonomy sectors the campaign targets; a lead in one of them belongs to this segment. */
        Optional<List<String>> sectors();

        /** Country codes, regions or cities, e.g. GB, Leeds; empty means anywhere. */
        Optional<List<String>> geographies();

        /** Channels a lead must have: email, phone, social. */
        Optional<List<String>> requiredChannels();

        @WithDefault("no-contact")
        List<String> knockouts();

        /** Feature weights that replace the prior's for this segment. */
        Map<String, Double> weights();
    }
}
