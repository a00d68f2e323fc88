package dev.leadstream.enrichment.messaging;

import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.EnrichedLead;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/** Publishes enriched leads keyed by lead id, so enriched-leads is co-partitioned with scored-leads. */
@ApplicationScoped
public class EnrichedLeadPublisher {

    private final MutinyEmitter<String> enriched;

    public EnrichedLeadPublisher(@Channel("enriched-leads") MutinyEmitter<String> enriched) {
        this.enriched = enriched;
    }

    /** Completes once the broker has every one of them. */
    public Uni<Void> publish(List<EnrichedLead> leads) {
        if (leads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(leads.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> publish(EnrichedLead lead) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(lead.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(Topics.ENRICHED_LEADS.eventType(), "/leadstream/enrichment-agent")))
                .build();
        return enriched.sendMessage(Message.of(EventJson.toJson(lead)).addMetadata(metadata));
    }
}
