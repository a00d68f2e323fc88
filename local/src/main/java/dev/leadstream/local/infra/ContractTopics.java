package dev.leadstream.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates every topic named in {@code topics/asyncapi.yaml}, with its partitions and config. */
public final class ContractTopics {

    private ContractTopics() {
    }

    /** The topics of the contract, with replicas capped at what a cluster of {@code brokers} can hold. */
    public static List<NewTopic> fromAsyncApi(int brokers) {
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode channel : asyncApi().path("channels")) {
            JsonNode kafka = channel.path("bindings").path("kafka");
            short replicas = (short) Math.min(kafka.path("replicas").asInt(1), brokers);
            NewTopic topic = new NewTopic(channel.path("address").asText(), kafka.path("partitions").asInt(1), replicas);
            Map<String, String> configs = new HashMap<>();
            kafka.path("topicConfiguration").fields().forEachRemaining(e -> configs.put(e.getKey(), configValue(e.getValue())));
            topics.add(topic.configs(configs));
        }
        return topics;
    }

    /** Creates the missing topics as the broker's admin; see {@link #create(Map)}. */
    public static Set<String> create(String bootstrapServers) {
        return create(KafkaAuth.adminFor(bootstrapServers));
    }

    /** Creates the missing topics; existing ones are left as they are. Returns the names created. */
    public static Set<String> create(Map<String, Object> adminClient) {
        try (Admin admin = Admin.create(adminClient)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = fromAsyncApi(1).stream().filter(t -> !existing.contains(t.name())).toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topics: " + e.getCause().getMessage(), e.getCause());
                }
            }
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static String configValue(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(",", parts);
        }
        return value.asText();
    }

    /** The contract document, {@code topics/asyncapi.yaml}, from the classpath. */
    static JsonNode asyncApi() {
        try (InputStream in = ContractTopics.class.getResourceAsStream("/leadstream/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("leadstream/asyncapi.yaml is not on the classpath (topics module)");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
