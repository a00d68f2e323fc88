package dev.leadstream.enrichment.messaging;

import dev.leadstream.enrichment.signals.Fingerprints;
import dev.leadstream.enrichment.signals.LeadSignals;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.file.Path;
import java.util.Optional;

/** scored-leads → enriched-leads; the input offset is committed once the broker has the output. */
@ApplicationScoped
public class ScoredLeadConsumer {

    private final LeadSignals signals;
    private final MutinyEmitter<String> enriched;

    public ScoredLeadConsumer(@Channel("enriched-leads") MutinyEmitter<String> enriched,
                              @ConfigProperty(name = "enrichment.fingerprints.file") Optional<Path> fingerprints) {
        this.enriched = enriched;
        this.signals = new LeadSignals(Fingerprints.builtInAnd(fingerprints));
    }

    @Incoming("scored-leads")
    public Uni<Void> onScoredLead(String json) {
        ScoredLead lead = EventJson.read(json, ScoredLead.class);
        EnrichedLead result = new EnrichedLead(lead.leadId(), lead, signals.of(lead),
                Provenance.of("enrichment-agent", "0.1.0", "signals-v1"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(lead.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(Topics.ENRICHED_LEADS.eventType(), "/leadstream/enrichment-agent")))
                .build();
        return enriched.sendMessage(Message.of(EventJson.toJson(result)).addMetadata(metadata));
    }
}
