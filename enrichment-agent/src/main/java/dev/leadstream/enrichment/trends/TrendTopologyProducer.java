package dev.leadstream.enrichment.trends;

import dev.leadstream.enrichment.config.EnrichmentConfig;
import dev.leadstream.enrichment.config.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.Topology;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

@ApplicationScoped
public class TrendTopologyProducer {

    @Produces
    public Topology topology(EnrichmentConfig config, Momentum momentum,
                             @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        EnrichmentConfig.Trends trends = config.trends();
        createBoardsTopic(KafkaClientSettings.of(kafka), trends.boardsTopic());
        return TrendTopology.build(trends.boardsTopic(), momentum, trends.window(), trends.advance());
    }

    /** The boards topic is this agent's own (compacted, one partition): the global table reads it whole. */
    private static void createBoardsTopic(Map<String, Object> kafka, String topic) {
        try (Admin admin = Admin.create(kafka)) {
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
