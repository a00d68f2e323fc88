package dev.leadstream.enrichment.trends;

import java.util.Optional;

/**
 * A source of interest in a topic from outside the stream (search interest, page views). Sources
 * are off by default: a deployment enables the ones it may call.
 */
public interface ExternalInterest {

    /** Interest in {@code topic} now against its own recent past, or empty when the source knows nothing of it. */
    Optional<Reading> of(String topic);

    /**
     * @param recent   mean daily interest over the recent period
     * @param baseline mean daily interest over the period before it
     */
    record Reading(String source, String topic, double recent, double baseline, String evidence) {

        public double change() {
            return baseline == 0 ? 0 : (recent - baseline) / baseline;
        }
    }
}
