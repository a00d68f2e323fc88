package dev.leadstream.outreach.messaging;

import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/** Puts one engagement on {@code engagement}, keyed by lead id, and returns once the broker has it. */
@ApplicationScoped
public class EngagementPublisher {

    private final MutinyEmitter<String> engagement;

    public EngagementPublisher(@Channel("engagement") MutinyEmitter<String> engagement) {
        this.engagement = engagement;
    }

    public void publish(Engagement event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(event.eventId(), Topics.ENGAGEMENT.eventType(),
                        "/leadstream/outreach-agent", Instant.now())))
                .build();
        engagement.sendMessageAndAwait(Message.of(EventJson.toJson(event)).addMetadata(metadata));
    }
}
