package dev.leadstream.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.leadstream.local.testing.LocalKafkaExtension;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalKafkaExtension.class)
class LocalKafkaIT {

    @Test
    void theBrokerHoldsEveryContractTopicWithItsPartitionsAndConfig() throws Exception {
        // what the contract document says, read here on its own rather than through the code that creates topics
        Map<String, JsonNode> channels = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/leadstream/asyncapi.yaml")) {
            new YAMLMapper().readTree(in).path("channels").forEach(c -> channels.put(c.path("address").asText(), c));
        }
        List<String> registry = Topics.names();
        assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(registry);

        try (Admin admin = Admin.create(SharedInfra.kafka().adminClient())) {
            assertThat(admin.listTopics().names().get()).containsAll(registry);
            Map<String, TopicDescription> topics = admin.describeTopics(registry).allTopicNames().get();
            List<ConfigResource> resources = registry.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (String name : registry) {
                JsonNode kafka = channels.get(name).path("bindings").path("kafka");
                assertThat(topics.get(name).partitions()).as(name + " partitions").hasSize(kafka.path("partitions").asInt());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
                kafka.path("topicConfiguration").fields().forEachRemaining(setting -> {
                    String expected = setting.getValue().isArray() ? join(setting.getValue()) : setting.getValue().asText();
                    assertThat(config.get(setting.getKey()).value()).as(name + " " + setting.getKey()).isEqualTo(expected);
                });
            }
        }
    }

    @Test
    void anEventTravelsThroughARealTopicWithItsCloudEventsHeaders(TopicProbe probe) {
        Engagement sent = new Engagement("e-" + System.nanoTime(), "rose-bakery.test", Engagement.SENT, "email",
                "d-1", "default", "a", null, Instant.now(), Provenance.of("test", "1", null));
        probe.send(Topics.ENGAGEMENT, sent.leadId(), sent);

        List<ConsumerRecord<byte[], byte[]>> records = probe.readUntil(Topics.ENGAGEMENT.name(), Duration.ofSeconds(20),
                rs -> probe.values(Topics.ENGAGEMENT, rs).contains(sent));
        ConsumerRecord<byte[], byte[]> record = records.stream()
                .filter(r -> probe.values(Topics.ENGAGEMENT, List.of(r)).contains(sent)).findFirst().orElseThrow();
        assertThat(CloudEvents.value(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.ENGAGEMENT.eventType());
        assertThat(CloudEvents.value(record.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(new String(record.value())).contains("\"type\":\"sent\"");
    }

    private static String join(JsonNode values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(v.asText()));
        return String.join(",", parts);
    }
}
