package dev.leadstream.local;

import dev.leadstream.local.testing.LocalKafkaExtension;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalKafkaExtension.class)
class LocalKafkaIT {

    @Test
    void theBrokerHoldsEveryContractTopicWithItsPartitionsAndConfig() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafka().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                    Topics.RAW_LEADS.name(), Topics.SCORING_MODEL.name(), Topics.RAW_LEADS.dlq())).allTopicNames().get();
            assertThat(topics.get(Topics.RAW_LEADS.name()).partitions()).hasSize(6);
            assertThat(topics.get(Topics.SCORING_MODEL.name()).partitions()).hasSize(1);
            ConfigResource model = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SCORING_MODEL.name());
            assertThat(admin.describeConfigs(List.of(model)).all().get().get(model).get("cleanup.policy").value())
                    .isEqualTo("compact");
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
}
