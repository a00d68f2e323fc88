package dev.leadstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadstream.local.launcher.SampleCampaign;
import dev.leadstream.local.launcher.Stack;
import dev.leadstream.local.launcher.StackPorts;
import dev.leadstream.local.launcher.Workspace;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Campaign;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign created and edited through the review API reaches the compacted campaigns topic as
 * versions 1 and 2, keyed by its id: hitl-api, the outbox relay (Debezium), the broker and
 * PostgreSQL as processes, as in the demo. The campaign is the demo's own sample.
 */
class CampaignsPublishedIT {

    private static Stack stack;

    @BeforeAll
    static void startReviewServiceAndRelay() {
        Path home = Path.of(System.getProperty("leadstream.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("e2e/target/leadstream-campaigns");
        WholeSystemIT.deleteRecursively(data);
        stack = new Stack(new Workspace(home, data), StackPorts.free(), 0);
        stack.up(Duration.ofMinutes(3), List.of("hitl-api", "outbox-relay"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void theSampleCampaignAndItsEditArriveAsVersionsOneAndTwoKeyedByItsId() throws Exception {
        SampleCampaign sample = new SampleCampaign(stack.hitlApiUrl(), stack.adminAuthorization());
        assertThat(sample.ensure().path("version").asInt()).isEqualTo(1);
        assertThat(sample.ensure().path("version").asInt()).as("a second demo run finds it").isEqualTo(1);
        String id = SampleCampaign.id();
        ObjectNode edited = (ObjectNode) EventJson.MAPPER.readTree(SampleCampaign.json());
        edited.put("name", "Tillway for bakeries and cafes");
        HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.hitlApiUrl() + "/api/campaigns/" + id))
                .header("Authorization", stack.adminAuthorization()).header("Content-Type", "application/json")
                .header("If-Match", "1").PUT(HttpRequest.BodyPublishers.ofString(edited.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        TopicProbe probe = new TopicProbe(stack.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = probe.readUntil(Topics.CAMPAIGNS.name(), Duration.ofSeconds(90),
                read -> read.size() >= 2);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(id);
            assertThat(CloudEvents.value(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.CAMPAIGNS.eventType());
        });
        List<Campaign> versions = probe.values(Topics.CAMPAIGNS, records);
        assertThat(versions).extracting(Campaign::version).containsExactly(1, 2);
        assertThat(versions).extracting(Campaign::name)
                .containsExactly("Tillway: online orders for independent high-street shops", "Tillway for bakeries and cafes");
        assertThat(versions.get(1).offering().statements().get(3).in("fr")).contains("29 GBP");
        JsonNode history = EventJson.MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.hitlApiUrl() + "/api/campaigns/" + id + "/versions"))
                .header("Authorization", stack.adminAuthorization()).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(history.path(1).path("changes").path(0).path("field").asText()).isEqualTo("name");
    }
}
