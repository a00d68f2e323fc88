package dev.leadstream.enrichment.messaging;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.messaging.IncomingEvent;
import io.smallrye.mutiny.Multi;
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
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scored-leads → enriched-leads, a poll at a time. A record that is not a scored lead goes to
 * scored-leads.dlq with the reason, and so does a lead whose enrichment fails in our code (the
 * poll is then enriched lead by lead, so only that one is lost to the DLQ); a failure that can pass
 * (the broker, a vector store out of reach) is retried. The batch is acknowledged only once the
 * broker has every enriched lead and every dead letter, so a crash repeats work but loses none.
 */
@ApplicationScoped
public class ScoredLeadConsumer {

    static final String AGENT = "enrichment-agent";

    private static final Logger LOG = Logger.getLogger(ScoredLeadConsumer.class);

    private final Enricher enricher;
    private final EnrichmentWorker worker;
    private final EnrichedLeadPublisher publisher;
    private final MutinyEmitter<byte[]> deadLetters;

    public ScoredLeadConsumer(Enricher enricher, EnrichmentWorker worker, EnrichedLeadPublisher publisher,
                              @Channel("scored-leads-dead-letters") MutinyEmitter<byte[]> deadLetters) {
        this.enricher = enricher;
        this.worker = worker;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    private record Read(KafkaRecord<String, byte[]> record, ScoredLead lead) {
    }

    @Incoming("scored-leads")
    public Uni<Void> onScoredLeads(KafkaRecordBatch<String, byte[]> batch) {
        // the latest record of a lead in the poll is the truth; earlier ones need no embedding
        Map<String, Read> latest = new LinkedHashMap<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            try {
                ScoredLead lead = IncomingEvent.scoredLead(record);
                latest.remove(lead.leadId());
                latest.put(lead.leadId(), new Read(record, lead));
            } catch (RuntimeException e) {
                rejected.add(deadLetter(record, e));
            }
        }
        Uni<Void> deadLettered = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        List<Read> leads = List.copyOf(latest.values());
        return deadLettered
                .chain(() -> enrich(leads))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }


    /** The leads together; when that fails in our code, each alone, dead-lettering the ones that fail again. */
    private Uni<Void> enrich(List<Read> leads) {
        if (leads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ScoredLead> batch = leads.stream().map(Read::lead).toList();
        return Uni.createFrom().deferred(() -> worker.run(() -> enricher.enrich(batch)).chain(publisher::publish))
                .onFailure(DeadLetters::isTransient).invoke(e -> LOG.warnf("enriching %d leads failed for now (%s), retrying",
                        batch.size(), e.getClass().getSimpleName()))
                .onFailure(DeadLetters::isTransient).retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .onFailure().recoverWithUni(e -> leads.size() == 1 ? deadLetter(leads.getFirst().record(), e)
                        : Multi.createFrom().iterable(leads).onItem().transformToUniAndConcatenate(one -> enrich(List.of(one)))
                                .collect().last().replaceWithVoid());
    }

    private Uni<Void> deadLetter(KafkaRecord<String, byte[]> record, Throwable error) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        LOG.warnf("%s-%d@%d cannot be enriched (%s); dead-lettered", record.getTopic(), record.getPartition(), offset,
                error.getClass().getSimpleName());
        RecordHeaders why = new RecordHeaders(DeadLetters.headers(AGENT, record.getTopic(), record.getPartition(), offset, error));
        return deadLetters.sendMessage(Message.of(record.getPayload()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.getKey()).withHeaders(why).build()));
    }
}
