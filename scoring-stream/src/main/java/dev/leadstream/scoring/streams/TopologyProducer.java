package dev.leadstream.scoring.streams;

import dev.leadstream.scoring.config.ScoringConfig;
import dev.leadstream.scoring.model.LeadScorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology scoringTopology(ScoringConfig config) {
        return ScoringTopology.build(new LeadScorer(config.prior(), config.learnedShare(), config.segment()));
    }
}
