package dev.leadstream.persona.messaging;

import dev.leadstream.persona.writer.TemplateWriter;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A reviewer selected a lead: write its persona and outreach draft. Other decisions are not ours. */
@ApplicationScoped
public class LeadSelectedConsumer {

    private final TemplateWriter writer = new TemplateWriter();
    private final MutinyEmitter<String> drafts;

    public LeadSelectedConsumer(@Channel("drafts") MutinyEmitter<String> drafts) {
        this.drafts = drafts;
    }

    @Incoming("approved")
    public Uni<Void> onDecision(String json) {
        Approval approval = EventJson.read(json, Approval.class);
        if (!approval.isLeadSelected()) {
            return Uni.createFrom().voidItem();
        }
        if (approval.lead() == null) {
            throw new IllegalArgumentException("lead.selected " + approval.eventId() + " carries no lead");
        }
        Draft draft = writer.write(approval.lead(), approval.eventId());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(draft.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(Topics.DRAFTS.eventType(), "/leadstream/persona-agent")))
                .build();
        return drafts.sendMessage(Message.of(EventJson.toJson(draft)).addMetadata(metadata));
    }
}
