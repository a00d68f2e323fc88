package dev.leadstream.scoring.streams;

import dev.leadstream.scoring.config.ScoringConfig;
import dev.leadstream.scoring.icp.Segments;
import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.normalise.SectorTaxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology scoringTopology(ScoringConfig config,
                                    @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        return ScoringTopology.build(new LeadScorer(Segments.from(config), SectorTaxonomy.standard(),
                config.learnedShare(), version));
    }
}
