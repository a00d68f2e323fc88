package dev.leadstream.scraper.messaging;

import dev.leadstream.scraper.discover.DiscoveryJob;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.DiscoveryRequestRules;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Runs each discovery request. The request's offset is committed only after every lead it
 * produced was acknowledged by the broker. A request that can never work is rejected: its
 * status says why, and the record goes to {@code discovery-requests.dlq} with the same reason. A
 * record that is no request at all, or one whose crawl fails in our code, is dead-lettered too
 * (see {@link RecordOutcome}), and the next request runs.
 */
@ApplicationScoped
public class DiscoveryRequestConsumer {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent("scraper-agent");

    private static final Logger LOG = Logger.getLogger(DiscoveryRequestConsumer.class);
    private static final String SOURCE = "/leadstream/scraper-agent";

    private final DiscoveryJob job;
    private final MutinyEmitter<String> rawLeads;
    private final MutinyEmitter<String> progress;

    public DiscoveryRequestConsumer(DiscoveryJob job, @Channel("raw-leads") MutinyEmitter<String> rawLeads,
                                    @Channel("discovery-progress") MutinyEmitter<String> progress) {
        this.job = job;
        this.rawLeads = rawLeads;
        this.progress = progress;
    }

    @Incoming("discovery-requests")
    public Uni<Void> onRequest(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> Uni.createFrom().<Void>item(() -> {
            run(record);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private void run(KafkaRecord<String, byte[]> record) {
        DiscoveryRequest request = IncomingEvent.read(record, DiscoveryRequest.class);
        DeadLetters.requireId("requestId", request.requestId());
        List<String> problems = DiscoveryRequestRules.problems(request);
        if (!problems.isEmpty()) {
            Instant now = Instant.now();
            publish(progress, Topics.DISCOVERY_PROGRESS, request.requestId(), new DiscoveryProgress(request.requestId(),
                    DiscoveryProgress.REJECTED, 0, 0, 0, 0, 0, 0, 0, problems, now, now));
            throw new IllegalArgumentException("discovery request rejected: " + String.join("; ", problems));
        }
        DiscoveryProgress done = job.run(request,
                lead -> publish(rawLeads, Topics.RAW_LEADS, lead.leadId(), lead),
                status -> publish(progress, Topics.DISCOVERY_PROGRESS, status.requestId(), status));
        LOG.infof("request %s %s: %d sites, %d leads, %d pages fetched, %d disallowed by robots.txt, %d refused, %d failed",
                request.requestId(), done.state(), done.sitesDiscovered(), done.leadsFound(), done.pagesFetched(),
                done.pagesSkippedByRobots(), done.pagesRefused(), done.pagesFailed());
    }

    private static void publish(MutinyEmitter<String> emitter, Topic<?> topic, String key, Object event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(new RecordHeaders(CloudEvents.headers(topic.eventType(), SOURCE)))
                .build();
        emitter.sendMessageAndAwait(Message.of(EventJson.toJson(event)).addMetadata(metadata));
    }
}
