package dev.leadstream.outreach.messaging;

import dev.leadstream.outreach.channel.SmtpSender;
import dev.leadstream.outreach.ledger.SendLedger;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import jakarta.mail.MessagingException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends an approved draft by email, once: the ledger is claimed before the SMTP call and
 * confirmed after it, and the "sent" engagement has an id derived from the ledger key, so a
 * redelivered decision re-announces the same event instead of sending again.
 */
@ApplicationScoped
public class DraftApprovedConsumer {

    private static final Logger LOG = Logger.getLogger(DraftApprovedConsumer.class);

    private final SmtpSender smtp;
    private final SendLedger ledger;
    private final MutinyEmitter<String> engagement;

    public DraftApprovedConsumer(SmtpSender smtp, SendLedger ledger, @Channel("engagement") MutinyEmitter<String> engagement) {
        this.smtp = smtp;
        this.ledger = ledger;
        this.engagement = engagement;
    }

    @Incoming("approved")
    @Blocking
    public void onDecision(String json) throws MessagingException {
        Approval approval = EventJson.read(json, Approval.class);
        if (!approval.isDraftApproved()) {
            return;
        }
        Draft draft = approval.draft();
        if (draft == null || draft.email() == null || draft.email().to() == null || draft.email().to().isBlank()) {
            throw new IllegalArgumentException("draft.approved " + approval.eventId() + " has no email recipient");
        }
        String key = draft.draftId() + ":v" + draft.version() + ":email";
        if (ledger.begin(key)) {
            smtp.send(draft);
            ledger.sent(key);
            LOG.infof("sent draft %s of lead %s by email", draft.draftId(), draft.leadId());
        } else if (ledger.stateOf(key) == SendLedger.State.PENDING) {
            LOG.warnf("draft %s: a send was started before and never confirmed; not sending again", draft.draftId());
            return;
        }
        announceSent(key, draft);
    }

    private void announceSent(String key, Draft draft) {
        String eventId = UUID.nameUUIDFromBytes(("sent:" + key).getBytes(StandardCharsets.UTF_8)).toString();
        Engagement sent = new Engagement(eventId, draft.leadId(), Engagement.SENT, "email", draft.draftId(),
                draft.segment() == null ? "default" : draft.segment(),
                "v" + draft.version(), null, Instant.now(), Provenance.of("outreach-agent", "0.1.0", "smtp"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(draft.leadId())
                .withHeaders(new RecordHeaders(CloudEvents.headers(eventId, Topics.ENGAGEMENT.eventType(),
                        "/leadstream/outreach-agent", Instant.now())))
                .build();
        engagement.sendMessageAndAwait(Message.of(EventJson.toJson(sent)).addMetadata(metadata));
    }
}
