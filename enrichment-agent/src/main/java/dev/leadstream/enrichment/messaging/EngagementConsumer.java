package dev.leadstream.enrichment.messaging;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * engagement → the lead is marked as one that engaged, and the leads that resemble it are
 * enriched again, so their lookalike signals name it. A record that is no engagement, or one
 * whose re-enrichment fails in our code, is dead-lettered (see {@link RecordOutcome}).
 */
@ApplicationScoped
public class EngagementConsumer {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent("enrichment-agent");

    private final Enricher enricher;
    private final EnrichmentWorker worker;
    private final EnrichedLeadPublisher publisher;

    public EngagementConsumer(Enricher enricher, EnrichmentWorker worker, EnrichedLeadPublisher publisher) {
        this.enricher = enricher;
        this.worker = worker;
        this.publisher = publisher;
    }

    @Incoming("engagement")
    public Uni<Void> onEngagement(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> {
            Engagement engagement = IncomingEvent.engagement(record);
            return worker.run(() -> enricher.engaged(engagement)).chain(publisher::publish);
        });
    }
}
