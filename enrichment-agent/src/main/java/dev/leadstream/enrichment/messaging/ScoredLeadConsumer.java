package dev.leadstream.enrichment.messaging;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scored-leads → enriched-leads, a poll at a time. A record that is not a scored lead goes to
 * scored-leads.dlq with the reason; the batch is acknowledged only once the broker has every
 * enriched lead and every dead letter, so a crash repeats work but loses none.
 */
@ApplicationScoped
public class ScoredLeadConsumer {

    private final Enricher enricher;
    private final EnrichmentWorker worker;
    private final EnrichedLeadPublisher publisher;
    private final MutinyEmitter<String> deadLetters;

    public ScoredLeadConsumer(Enricher enricher, EnrichmentWorker worker, EnrichedLeadPublisher publisher,
                              @Channel("scored-leads-dead-letters") MutinyEmitter<String> deadLetters) {
        this.enricher = enricher;
        this.worker = worker;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @Incoming("scored-leads")
    public Uni<Void> onScoredLeads(KafkaRecordBatch<String, String> batch) {
        // the latest record of a lead in the poll is the truth; earlier ones need no embedding
        Map<String, ScoredLead> latest = new LinkedHashMap<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                ScoredLead lead = EventJson.read(record.getPayload(), ScoredLead.class);
                if (lead.leadId() == null || lead.leadId().isBlank()) {
                    throw new IllegalArgumentException("a scored lead needs a leadId");
                }
                latest.remove(lead.leadId());
                latest.put(lead.leadId(), lead);
            } catch (RuntimeException e) {
                rejected.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettered = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        List<ScoredLead> leads = List.copyOf(latest.values());
        return deadLettered
                .chain(() -> leads.isEmpty() ? Uni.createFrom().voidItem()
                        : worker.run(() -> enricher.enrich(leads)).chain(publisher::publish))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Void> deadLetter(KafkaRecord<String, String> record, RuntimeException error) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        RecordHeaders why = new RecordHeaders(DeadLetters.headers("enrichment-agent", record.getTopic(), record.getPartition(),
                offset, error));
        return deadLetters.sendMessage(Message.of(record.getPayload()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.getKey()).withHeaders(why).build()));
    }
}
