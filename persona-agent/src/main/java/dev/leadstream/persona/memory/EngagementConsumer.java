package dev.leadstream.persona.memory;

import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * engagement → content that earned a reply becomes a style example in the {@link ContentMemory}.
 * A record that is no engagement is dead-lettered (see {@link RecordOutcome}); the memory's work
 * (the model, the disk) runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class EngagementConsumer {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent("persona-agent");

    private final ContentMemory memory;

    public EngagementConsumer(ContentMemory memory) {
        this.memory = memory;
    }

    @Incoming("engagement")
    public Uni<Void> onEngagement(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> {
            Engagement engagement = IncomingEvent.engagement(record);
            return Uni.createFrom().item(() -> memory.learn(engagement))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
        });
    }
}
