package dev.leadstream.local.testing;

import dev.leadstream.local.infra.ContractAcls;
import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.local.infra.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Points a {@code @QuarkusTest} at the shared real Kafka broker, with every contract topic created,
 * signed in as the agent under test ({@code quarkus.application.name}): so its tests pass only if
 * the contract's ACLs let that agent do its job.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalKafka kafka = SharedInfra.kafka();
        String agent = agentUnderTest();
        if (!ContractAcls.principals().contains(agent)) {
            throw new IllegalStateException("quarkus.application.name=" + agent
                    + " is no principal of topics/asyncapi.yaml (x-written-by, x-read-by): it could not use any topic");
        }
        Map<String, String> settings = new HashMap<>(KafkaAuth.quarkusSettings(agent, kafka.credentials().kafkaPassword(agent)));
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("quarkus.kafka-streams.bootstrap-servers", kafka.bootstrapServers());
        return settings;
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped at JVM exit
    }

    /** The application's own name, read from its application.properties. */
    static String agentUnderTest() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String name = properties.getProperty("quarkus.application.name");
            if (name == null) {
                throw new IllegalStateException("application.properties names no quarkus.application.name: whose credentials?");
            }
            return name.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
