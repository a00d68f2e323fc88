package dev.leadstream.scraper;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.RawLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The real agent against the real broker, crawling the sample directory served on 127.0.0.1. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DiscoveryRequestConsumerIT {

    private static SampleWeb web;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @BeforeAll
    static void serveSampleSites() {
        web = SampleWebOnLoopback.web();
    }

    @Test
    void aDirectoryRequestYieldsEveryListedBusinessAndReportsItsProgress() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String requestId = "req-" + UUID.randomUUID();
        probe.send(Topics.DISCOVERY_REQUESTS, requestId, new DiscoveryRequest(requestId, "local businesses", "GB",
                List.of(), List.of(web.directoryUrl()), List.of("directory"), null, false,
                new DiscoveryRequest.Limits(200, 1, 100, 120), "test", Instant.now()));

        List<ConsumerRecord<byte[], byte[]>> progressRecords = probe.readUntil(Topics.DISCOVERY_PROGRESS.name(),
                Duration.ofSeconds(120), rs -> progressOf(probe, rs, requestId).stream()
                        .anyMatch(p -> !p.state().equals(DiscoveryProgress.RUNNING)));
        DiscoveryProgress done = progressOf(probe, progressRecords, requestId).getLast();
        List<RawLead> leads = probe.values(Topics.RAW_LEADS, probe.readUntil(Topics.RAW_LEADS.name(), Duration.ofSeconds(30),
                        rs -> ofRequest(probe, rs, requestId).size() >= web.businesses().size()))
                .stream().filter(l -> requestId.equals(l.requestId())).toList();

        assertThat(done.state()).isEqualTo(DiscoveryProgress.COMPLETED);
        assertThat(done.pagesSkippedByRobots()).isGreaterThanOrEqualTo(1);
        assertThat(done.pagesRefused()).isGreaterThanOrEqualTo(1);
        assertThat(done.pagesFailed()).isGreaterThanOrEqualTo(3); // redirect loop, slow drip, not HTML
        for (SampleBusiness business : web.businesses()) {
            RawLead lead = leads.stream().filter(l -> l.leadId().equals(business.host())).findFirst().orElseThrow();
            assertThat(lead.name().value()).isEqualTo(business.name());
            assertThat(lead.emails()).extracting(FieldValue::value).contains(business.email());
            assertThat(lead.discoverySource()).isEqualTo("directory");
            assertThat(lead.provenance().agent()).isEqualTo("scraper-agent");
        }
        assertThat(leads).extracting(RawLead::leadId).doesNotContain("intranet.test", "no-robots.test");
    }

    @Test
    void anUnworkableRequestIsRejectedWithItsReasonOnTheDeadLetterTopicAndInItsStatus() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String requestId = "req-" + UUID.randomUUID();
        probe.send(Topics.DISCOVERY_REQUESTS, requestId, new DiscoveryRequest(requestId, "bakeries", "Leeds, GB",
                List.of(), List.of(), List.of("carrier-pigeon"), null, false, null, "test", Instant.now()));

        DiscoveryProgress status = progressOf(probe, probe.readUntil(Topics.DISCOVERY_PROGRESS.name(), Duration.ofSeconds(60),
                rs -> !progressOf(probe, rs, requestId).isEmpty()), requestId).getLast();
        assertThat(status.state()).isEqualTo(DiscoveryProgress.REJECTED);
        assertThat(status.notes()).anyMatch(n -> n.contains("unknown source carrier-pigeon"));

        List<ConsumerRecord<byte[], byte[]>> dead = probe.readUntil(Topics.DISCOVERY_REQUESTS.dlq(), Duration.ofSeconds(60),
                rs -> rs.stream().anyMatch(r -> text(r).contains(requestId)));
        ConsumerRecord<byte[], byte[]> record = dead.stream()
                .filter(r -> text(r).contains(requestId)).findFirst().orElseThrow();
        assertThat(CloudEvents.value(record.headers(), "dead-letter-reason")).contains("unknown source carrier-pigeon");
    }

    @Test
    void aRecordThatIsNotARequestGoesToTheDeadLetterTopic() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String marker = UUID.randomUUID().toString();
        probe.sendRaw(Topics.DISCOVERY_REQUESTS.name(), marker, ("{not json " + marker).getBytes(StandardCharsets.UTF_8),
                Topics.DISCOVERY_REQUESTS.eventType());

        List<ConsumerRecord<byte[], byte[]>> dead = probe.readUntil(Topics.DISCOVERY_REQUESTS.dlq(), Duration.ofSeconds(60),
                rs -> rs.stream().anyMatch(r -> text(r).contains(marker)));
        ConsumerRecord<byte[], byte[]> record = dead.stream()
                .filter(r -> text(r).contains(marker)).findFirst().orElseThrow();
        assertThat(CloudEvents.value(record.headers(), "dead-letter-reason")).contains("not a valid DiscoveryRequest");
    }

    @Test
    void poisonOnDiscoveryRequestsIsDeadLetteredOnceByThisAgentAndTheNextRequestRuns() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());
        String requestId = "req-" + UUID.randomUUID();
        DiscoveryRequest valid = new DiscoveryRequest(requestId, "local businesses", "GB", List.of(),
                List.of(web.directoryUrl()), List.of("directory"), null, false,
                new DiscoveryRequest.Limits(3, 1, 1, 60), "test", Instant.now());
        List<PoisonRecords.Poison> poison = PoisonRecords.against(requestId, EventJson.toJson(valid),
                List.of("requestId", "seedUrls"), 14L);

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.DISCOVERY_REQUESTS.name(), Topics.DISCOVERY_REQUESTS.eventType(), poison);
        probe.send(Topics.DISCOVERY_REQUESTS, requestId, valid);

        // requests run one at a time: this one may wait for another test's crawl of the whole directory. The
        // poison shares its request id, so its rejections are on the same key: wait for the run to end
        List<String> ran = List.of(DiscoveryProgress.LIMITED, DiscoveryProgress.COMPLETED);
        DiscoveryProgress done = progressOf(probe, probe.readUntil(Topics.DISCOVERY_PROGRESS.name(), Duration.ofSeconds(300),
                rs -> progressOf(probe, rs, requestId).stream().anyMatch(p -> ran.contains(p.state()))), requestId)
                .stream().filter(p -> ran.contains(p.state())).findFirst().orElseThrow();
        assertThat(done.pagesFetched()).isPositive();
        fuzz.assertEachDeadLetteredOnce("scraper-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }

    private static List<RawLead> ofRequest(TopicProbe probe, List<ConsumerRecord<byte[], byte[]>> records, String requestId) {
        return probe.values(Topics.RAW_LEADS, records).stream().filter(l -> requestId.equals(l.requestId())).toList();
    }

    private static List<DiscoveryProgress> progressOf(TopicProbe probe, List<ConsumerRecord<byte[], byte[]>> records,
                                                      String requestId) {
        return probe.values(Topics.DISCOVERY_PROGRESS, records).stream()
                .filter(p -> requestId.equals(p.requestId())).toList();
    }

    /** The record's value as text; a dead letter of a record without a value has none. */
    private static String text(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }
}
