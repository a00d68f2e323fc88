package dev.leadstream.scraper;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.scraper.discover.Candidate;
import dev.leadstream.scraper.discover.DiscoveryJob;
import dev.leadstream.scraper.discover.DiscoverySource;
import dev.leadstream.scraper.discover.ImportSource;
import dev.leadstream.scraper.discover.SiteScraper;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.RawLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails inside the scraper's own code, past reading and checking it (here a
 * discovery source that throws), is dead-lettered once naming scraper-agent, and the next request
 * runs. The failing source stands in for any bug of ours; the broker and the consumer are real.
 */
@QuarkusTest
@TestProfile(OwnCodeFailureIT.WithAFailingSource.class)
@WithTestResource(KafkaTestResource.class)
class OwnCodeFailureIT {

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void aRequestOurCodeFailsOnIsDeadLetteredOnceAndTheNextRequestRuns() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());
        String failingId = "req-" + UUID.randomUUID();
        DiscoveryRequest failing = request(failingId, "search", null);
        String validId = "req-" + UUID.randomUUID();
        DiscoveryRequest valid = request(validId, "import", "name,city\nBirch Bakery,Leeds\n");

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.DISCOVERY_REQUESTS.name(), Topics.DISCOVERY_REQUESTS.eventType(),
                List.of(new PoisonRecords.Poison("fails-in-our-code", failingId, EventJson.toBytes(failing))));
        probe.send(Topics.DISCOVERY_REQUESTS, validId, valid);

        List<RawLead> leads = probe.values(Topics.RAW_LEADS, probe.readUntil(Topics.RAW_LEADS.name(), Duration.ofSeconds(120),
                        rs -> probe.values(Topics.RAW_LEADS, rs).stream().anyMatch(l -> validId.equals(l.requestId()))))
                .stream().filter(l -> validId.equals(l.requestId())).toList();
        assertThat(leads).extracting(l -> l.name().value()).containsExactly("Birch Bakery");
        fuzz.assertEachDeadLetteredOnce("scraper-agent", landed, Duration.ofSeconds(90));
        ConsumerRecord<byte[], byte[]> letter = probe.readUntil(Topics.DISCOVERY_REQUESTS.dlq(), Duration.ofSeconds(30),
                        rs -> rs.stream().anyMatch(r -> failingId.equals(key(r)))).stream()
                .filter(r -> failingId.equals(key(r))).findFirst().orElseThrow();
        assertThat(CloudEvents.value(letter.headers(), DeadLetters.REASON)).isEqualTo("a bug in a discovery source");
        DeadLetterFuzz.assertHealthy(ready);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static DiscoveryRequest request(String requestId, String source, String businessList) {
        return new DiscoveryRequest(requestId, "bakeries", "GB", List.of("bread"), List.of(), List.of(source), businessList,
                false, new DiscoveryRequest.Limits(3, 1, 5, 60), "test", Instant.now());
    }

    public static class WithAFailingSource implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingSourceJob.class);
        }
    }

    /** The scraper's job with the import source and, as {@code search}, a source whose code throws. */
    @Alternative
    @ApplicationScoped
    public static class FailingSourceJob {

        @Produces
        @ApplicationScoped
        DiscoveryJob discoveryJob(PoliteFetcher fetcher) {
            DiscoverySource throwing = new DiscoverySource() {
                @Override
                public String name() {
                    return "search";
                }

                @Override
                public void discover(CrawlSession session, Predicate<Candidate> sink) {
                    throw new IllegalStateException("a bug in a discovery source");
                }
            };
            // import rows without a website become leads without a fetch, so no browser is needed
            return new DiscoveryJob(List.of(new ImportSource(), throwing), new SiteScraper(1, 0, null, "test"), fetcher,
                    Clock.systemUTC());
        }
    }
}
