package dev.leadstream.feedback.streams;

import dev.leadstream.feedback.model.WeightLearner;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

import java.util.Map;

@ApplicationScoped
public class TopologyProducer {

    @ConfigMapping(prefix = "feedback")
    public interface FeedbackConfig {
        /** Segment of signals that name none. */
        @WithDefault("default")
        String defaultSegment();

        /** The scoring prior the learned weights start from; keep it equal to scoring-stream's. */
        Map<String, Double> prior();
    }

    @Produces
    public Topology feedbackTopology(FeedbackConfig config) {
        return FeedbackTopology.build(new WeightLearner(config.prior()), config.defaultSegment());
    }
}
