package dev.leadstream.topics.messaging;

import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoredLead;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** Reads the event a consumed record carries, or says why it cannot be read (then it is a dead letter). */
public final class IncomingEvent {

    private IncomingEvent() {
    }

    /** The event: keyed, UTF-8, JSON of the type, not JSON null. */
    public static <T> T read(KafkaRecord<String, byte[]> record, Class<T> type) {
        DeadLetters.requireKey(record.getKey());
        T event = EventJson.read(DeadLetters.requireUtf8(record.getPayload()), type);
        if (event == null) {
            throw new EventJson.MalformedEventException("the value is JSON null, not a " + type.getSimpleName());
        }
        return event;
    }

    /** A scored lead with its lead id. */
    public static ScoredLead scoredLead(KafkaRecord<String, byte[]> record) {
        ScoredLead lead = read(record, ScoredLead.class);
        DeadLetters.requireId("leadId", lead.leadId());
        return lead;
    }

    /** An engagement signal with its ids, of a type the contract knows. */
    public static Engagement engagement(KafkaRecord<String, byte[]> record) {
        Engagement engagement = read(record, Engagement.class);
        DeadLetters.requireId("eventId", engagement.eventId());
        DeadLetters.requireId("leadId", engagement.leadId());
        if (!Engagement.TYPES.contains(engagement.type())) {
            throw new IllegalArgumentException("an Engagement of no known type (" + Engagement.TYPES + ")");
        }
        return engagement;
    }

    /** A decision with its ids, of a type the contract knows. */
    public static Approval decision(KafkaRecord<String, byte[]> record) {
        Approval approval = read(record, Approval.class);
        DeadLetters.requireId("eventId", approval.eventId());
        DeadLetters.requireId("leadId", approval.leadId());
        if (!approval.isLeadSelected() && !approval.isRegenerate() && !approval.isDraftApproved()) {
            throw new IllegalArgumentException("an Approval of no known type (" + Approval.LEAD_SELECTED + ", "
                    + Approval.DRAFT_REGENERATE + " or " + Approval.DRAFT_APPROVED + ")");
        }
        return approval;
    }
}
