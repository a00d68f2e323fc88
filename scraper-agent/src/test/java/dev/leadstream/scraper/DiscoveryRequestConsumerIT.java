package dev.leadstream.scraper;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.RawLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The real agent against the real broker, crawling sample sites served on 127.0.0.1. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DiscoveryRequestConsumerIT {

    private static SampleWeb web;

    @BeforeAll
    static void serveSampleSites() throws Exception {
        web = new SampleWeb(SampleBusinesses.generate(3, 7), 0).start();
        // the test JVM resolves host names from this file only (-Djdk.net.hosts.file, see the pom)
        Files.writeString(Path.of(System.getProperty("jdk.net.hosts.file")), web.hostsFile());
    }

    @AfterAll
    static void stopSampleSites() {
        web.close();
    }

    @Test
    void everySeedBecomesARawLeadWithEvidence() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String requestId = "req-" + UUID.randomUUID();
        List<String> seeds = web.businesses().stream().map(web::homeUrl).toList();
        probe.send(Topics.DISCOVERY_REQUESTS, requestId, new DiscoveryRequest(requestId, "local", "GB", List.of(),
                seeds, List.of("seed"), null, "test", Instant.now()));

        List<RawLead> leads = probe.values(Topics.RAW_LEADS, probe.readUntil(Topics.RAW_LEADS.name(), Duration.ofSeconds(60),
                        rs -> ofRequest(probe, rs, requestId).size() >= seeds.size()))
                .stream().filter(l -> requestId.equals(l.requestId())).toList();

        assertThat(leads).hasSize(seeds.size());
        for (SampleBusiness business : web.businesses()) {
            RawLead lead = leads.stream().filter(l -> l.leadId().equals(business.host())).findFirst().orElseThrow();
            assertThat(lead.name().value()).isEqualTo(business.name());
            assertThat(lead.emails()).extracting(FieldValue::value).contains(business.email());
            assertThat(lead.provenance().agent()).isEqualTo("scraper-agent");
        }
    }

    @Test
    void aRequestThatCanNeverWorkGoesToTheDeadLetterTopicWithItsReason() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String marker = UUID.randomUUID().toString();
        probe.sendRaw(Topics.DISCOVERY_REQUESTS.name(), marker, ("{not json " + marker).getBytes(StandardCharsets.UTF_8),
                Topics.DISCOVERY_REQUESTS.eventType());

        List<ConsumerRecord<byte[], byte[]>> dead = probe.readUntil(Topics.DISCOVERY_REQUESTS.dlq(), Duration.ofSeconds(60),
                rs -> rs.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)));
        ConsumerRecord<byte[], byte[]> record = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)).findFirst().orElseThrow();
        assertThat(CloudEvents.value(record.headers(), "dead-letter-reason")).contains("not a valid DiscoveryRequest");
    }

    private static List<RawLead> ofRequest(TopicProbe probe, List<ConsumerRecord<byte[], byte[]>> records, String requestId) {
        return probe.values(Topics.RAW_LEADS, records).stream().filter(l -> requestId.equals(l.requestId())).toList();
    }
}
