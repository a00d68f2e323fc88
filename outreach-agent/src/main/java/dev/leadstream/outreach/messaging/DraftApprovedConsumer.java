package dev.leadstream.outreach.messaging;

import dev.leadstream.outreach.channel.SmtpSender;
import dev.leadstream.outreach.ledger.SendLedger;
import dev.leadstream.outreach.ledger.SentMessages;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import jakarta.mail.MessagingException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends an approved draft by email, once: the ledger is claimed before the SMTP call and
 * confirmed after it, and the "sent" engagement has an id derived from the ledger key, so a
 * redelivered decision re-announces the same event instead of sending again. The email's
 * Message-ID is recorded before it leaves, so a reply to it can be traced to the lead.
 */
@ApplicationScoped
public class DraftApprovedConsumer {

    private static final Logger LOG = Logger.getLogger(DraftApprovedConsumer.class);

    private final SmtpSender smtp;
    private final SendLedger ledger;
    private final SentMessages sentMessages;
    private final EngagementPublisher publisher;

    public DraftApprovedConsumer(SmtpSender smtp, SendLedger ledger, SentMessages sentMessages, EngagementPublisher publisher) {
        this.smtp = smtp;
        this.ledger = ledger;
        this.sentMessages = sentMessages;
        this.publisher = publisher;
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
        Engagement sent = sent(key, draft);
        if (ledger.begin(key)) {
            String messageId = smtp.messageIdFor(key);
            sentMessages.remember(messageId, sent);
            smtp.send(draft, messageId);
            CrashTestHold.afterSmtpBeforeLedger(draft.draftId());
            ledger.sent(key);
            LOG.infof("sent draft %s of lead %s by email", draft.draftId(), draft.leadId());
        } else if (ledger.stateOf(key) == SendLedger.State.PENDING) {
            LOG.warnf("draft %s: a send was started before and never confirmed; not sending again", draft.draftId());
            return;
        }
        publisher.publish(sent);
    }

    private static Engagement sent(String key, Draft draft) {
        String eventId = UUID.nameUUIDFromBytes(("sent:" + key).getBytes(StandardCharsets.UTF_8)).toString();
        return new Engagement(eventId, draft.leadId(), Engagement.SENT, "email", draft.draftId(),
                draft.segment() == null ? "default" : draft.segment(),
                "v" + draft.version(), null, Instant.now(), Provenance.of("outreach-agent", "0.1.0", "smtp"));
    }
}
