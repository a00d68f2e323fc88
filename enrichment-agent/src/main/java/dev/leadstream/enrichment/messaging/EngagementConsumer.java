package dev.leadstream.enrichment.messaging;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Engagement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * engagement → the lead is marked as one that engaged, and the leads that resemble it are
 * enriched again, so their lookalike signals name it.
 */
@ApplicationScoped
public class EngagementConsumer {

    private final Enricher enricher;
    private final EnrichmentWorker worker;
    private final EnrichedLeadPublisher publisher;

    public EngagementConsumer(Enricher enricher, EnrichmentWorker worker, EnrichedLeadPublisher publisher) {
        this.enricher = enricher;
        this.worker = worker;
        this.publisher = publisher;
    }

    @Incoming("engagement")
    public Uni<Void> onEngagement(String json) {
        Engagement engagement = EventJson.read(json, Engagement.class);
        return worker.run(() -> enricher.engaged(engagement)).chain(publisher::publish);
    }
}
