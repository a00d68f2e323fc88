package dev.leadstream.persona.messaging;

import dev.leadstream.persona.writer.TemplateWriter;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A reviewer selected a lead: write its persona and outreach draft. An approved draft is
 * outreach-agent's. A record that is no decision at all (or a selection without its lead) is
 * dead-lettered by this agent; see {@link RecordOutcome}.
 */
@ApplicationScoped
public class LeadSelectedConsumer {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent("persona-agent");

    private final TemplateWriter writer = new TemplateWriter();
    private final MutinyEmitter<String> drafts;

    public LeadSelectedConsumer(@Channel("drafts") MutinyEmitter<String> drafts) {
        this.drafts = drafts;
    }

    @Incoming("approved")
    public Uni<Void> onDecision(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> write(record));
    }

    private Uni<Void> write(KafkaRecord<String, byte[]> record) {
        Approval approval = IncomingEvent.decision(record);
        if (!approval.isLeadSelected()) {
            return Uni.createFrom().voidItem();
        }
        if (approval.lead() == null) {
            throw new IllegalArgumentException("lead.selected " + approval.eventId() + " carries no lead");
        }
        DeadLetters.requireId("lead.leadId", approval.lead().leadId());
        Draft draft = writer.write(approval.lead(), approval.eventId());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(draft.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(Topics.DRAFTS.eventType(), "/leadstream/persona-agent")))
                .build();
        return drafts.sendMessage(Message.of(EventJson.toJson(draft)).addMetadata(metadata));
    }
}
