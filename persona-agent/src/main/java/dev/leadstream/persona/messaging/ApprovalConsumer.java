package dev.leadstream.persona.messaging;

import dev.leadstream.persona.draft.DraftComposer;
import dev.leadstream.persona.draft.DraftRequest;
import dev.leadstream.persona.memory.ContentMemory;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A reviewer selected a lead ({@code lead.selected}) or asked for a new version of a draft
 * ({@code draft.regenerate}): write the draft. An approved draft is outreach-agent's. A record
 * that is no decision, or lacks what its type needs (a selection without its lead, a regenerate
 * request without the draft it replaces, or without the campaign that draft was written for),
 * is dead-lettered by this agent; see {@link RecordOutcome}.
 */
@ApplicationScoped
public class ApprovalConsumer {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent(DraftComposer.AGENT);

    private final DraftComposer composer;
    private final MutinyEmitter<String> drafts;

    public ApprovalConsumer(ContentWriter writer, ContentMemory memory, @Channel("drafts") MutinyEmitter<String> drafts) {
        this.composer = new DraftComposer(writer, memory);
        this.drafts = drafts;
    }

    @Incoming("approved")
    public Uni<Void> onDecision(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> write(record));
    }

    private Uni<Void> write(KafkaRecord<String, byte[]> record) {
        Approval approval = IncomingEvent.decision(record);
        if (approval.isDraftApproved()) {
            return Uni.createFrom().voidItem();
        }
        requireWhatItsTypeNeeds(approval);
        // a writer may call a model and block: never on the event loop
        return Uni.createFrom().item(() -> composer.compose(DraftRequest.of(approval)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(this::publish);
    }

    private static void requireWhatItsTypeNeeds(Approval approval) {
        if (approval.lead() == null) {
            throw new IllegalArgumentException(approval.type() + " " + approval.eventId() + " carries no lead");
        }
        DeadLetters.requireId("lead.leadId", approval.lead().leadId());
        if (approval.isRegenerate()) {
            Draft previous = approval.draft();
            if (previous == null) {
                throw new IllegalArgumentException("draft.regenerate " + approval.eventId() + " carries no draft to replace");
            }
            DeadLetters.requireId("draft.draftId", previous.draftId());
            if (previous.campaignId() != null && approval.campaign() == null) {
                throw new IllegalArgumentException("draft.regenerate " + approval.eventId() + " carries no campaign, but its draft was written for "
                        + "campaign " + previous.campaignId());
            }
        }
    }

    private Uni<Void> publish(Draft draft) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(draft.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(Topics.DRAFTS.eventType(), "/leadstream/" + DraftComposer.AGENT)))
                .build();
        return drafts.sendMessage(Message.of(EventJson.toJson(draft)).addMetadata(metadata));
    }
}
