package dev.leadstream.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a {@code @QuarkusTest} at the shared real Kafka broker, with every contract topic created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = SharedInfra.kafka().bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped at JVM exit
    }
}
