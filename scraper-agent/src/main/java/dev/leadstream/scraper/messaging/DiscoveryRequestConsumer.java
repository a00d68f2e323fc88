package dev.leadstream.scraper.messaging;

import dev.leadstream.scraper.extract.SiteScraper;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.RawLead;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Turns a discovery request into raw leads. The request's offset is committed only after every
 * lead it produced was acknowledged by the broker; a request that can never work goes to
 * {@code discovery-requests.dlq} with the reason.
 */
@ApplicationScoped
public class DiscoveryRequestConsumer {

    private static final Logger LOG = Logger.getLogger(DiscoveryRequestConsumer.class);

    private final SiteScraper scraper;
    private final MutinyEmitter<String> rawLeads;

    public DiscoveryRequestConsumer(SiteScraper scraper, @Channel("raw-leads") MutinyEmitter<String> rawLeads) {
        this.scraper = scraper;
        this.rawLeads = rawLeads;
    }

    @Incoming("discovery-requests")
    @Blocking
    public void onRequest(String json) {
        DiscoveryRequest request = EventJson.read(json, DiscoveryRequest.class);
        if (request.seedUrls().isEmpty()) {
            throw new IllegalArgumentException("discovery request " + request.requestId() + " has no seed URLs");
        }
        int found = 0;
        int failed = 0;
        for (String seed : request.seedUrls().stream().limit(request.limits().maxLeads()).toList()) {
            try {
                send(scraper.scrape(seed, request.requestId()));
                found++;
            } catch (IOException | IllegalArgumentException e) {
                failed++;
                LOG.warnf("request %s: could not read %s: %s", request.requestId(), seed, e.getMessage());
            }
        }
        LOG.infof("request %s: %d leads from %d seed URLs, %d failed", request.requestId(), found,
                request.seedUrls().size(), failed);
    }

    private void send(RawLead lead) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(lead.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(Topics.RAW_LEADS.eventType(), "/leadstream/scraper-agent")))
                .build();
        rawLeads.sendMessageAndAwait(Message.of(EventJson.toJson(lead)).addMetadata(metadata));
    }
}
