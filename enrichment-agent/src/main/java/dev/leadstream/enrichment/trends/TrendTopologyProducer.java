package dev.leadstream.enrichment.trends;

import dev.leadstream.enrichment.config.EnrichmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

@ApplicationScoped
public class TrendTopologyProducer {

    @Produces
    public Topology topology(EnrichmentConfig config, Momentum momentum,
                             @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrap) {
        EnrichmentConfig.Trends trends = config.trends();
        createBoardsTopic(bootstrap, trends.boardsTopic());
        return TrendTopology.build(trends.boardsTopic(), momentum, trends.window(), trends.advance());
    }

    /** The boards topic is this agent's own (compacted, one partition): the global table reads it whole. */
    private static void createBoardsTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) -1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the trend boards topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
