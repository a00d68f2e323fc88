package dev.leadstream.outreach.messaging;

import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.messaging.IncomingEvent;
import dev.leadstream.topics.messaging.RecordOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends an approved draft by email, once (see {@link SendOnce}), and announces it: the "sent"
 * engagement has an id derived from the ledger key, so a redelivered decision re-announces the
 * same event instead of sending again. A send a crash left unconfirmed is announced as sent with
 * the detail {@link #UNCONFIRMED}, and not sent again. A selected lead is persona-agent's. A record that is no
 * decision, or an approval without a draft that can be sent, is dead-lettered by this agent (see
 * {@link RecordOutcome}); an SMTP server or broker that cannot be reached is waited for.
 */
@ApplicationScoped
public class DraftApprovedConsumer {

    private static final RecordOutcome OUTCOME = RecordOutcome.forAgent("outreach-agent");

    private static final Logger LOG = Logger.getLogger(DraftApprovedConsumer.class);
    /**
     * The detail of a send that began and was never recorded as done: the agent stopped between
     * handing the email to the SMTP server and writing the ledger. It most likely went out; it is
     * never sent again (at most once), and reviewers see that nobody confirmed it.
     */
    public static final String UNCONFIRMED = "unconfirmed: the send began but was never recorded as done (the agent"
            + " stopped in between); it is not sent again";

    private final SendOnce sendOnce;
    private final EngagementPublisher publisher;

    public DraftApprovedConsumer(SendOnce sendOnce, EngagementPublisher publisher) {
        this.sendOnce = sendOnce;
        this.publisher = publisher;
    }

    @Incoming("approved")
    public Uni<Void> onDecision(KafkaRecord<String, byte[]> record) {
        return OUTCOME.settle(record, () -> Uni.createFrom().<Void>item(() -> {
            send(record);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private void send(KafkaRecord<String, byte[]> record) {
        Approval approval = IncomingEvent.decision(record);
        if (!approval.isDraftApproved()) {
            return;
        }
        Draft draft = sendable(approval);
        String key = emailKey(draft);
        Engagement sent = sent(key, draft, null);
        SendOnce.Result result;
        try {
            result = sendOnce.send(key, draft, sent);
        } catch (MessagingException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " sending draft " + draft.draftId(), e);
        }
        publisher.publish(switch (result) {
            case SENT -> {
                LOG.infof("sent draft %s of lead %s by email", draft.draftId(), draft.leadId());
                yield sent;
            }
            case ALREADY_SENT -> {
                LOG.debugf("draft %s was sent before; announcing it again", draft.draftId());
                yield sent;
            }
            case STARTED_BEFORE -> {
                LOG.warnf("draft %s: a send was started before and never confirmed; not sending again, announcing it as"
                        + " unconfirmed", draft.draftId());
                yield sent(key, draft, UNCONFIRMED);
            }
        });
    }

    /** The send ledger's key for a draft's email: one send per draft version. */
    public static String emailKey(Draft draft) {
        return draft.draftId() + ":v" + draft.version() + ":email";
    }

    /** Checked before the ledger is claimed, so a draft that could never be sent is not left pending. */
    private static Draft sendable(Approval approval) {
        Draft draft = approval.draft();
        if (draft == null || draft.email() == null || draft.email().to() == null || draft.email().to().isBlank()) {
            throw new IllegalArgumentException("draft.approved " + approval.eventId() + " has no email recipient");
        }
        DeadLetters.requireId("draft.draftId", draft.draftId());
        DeadLetters.requireId("draft.leadId", draft.leadId());
        if (draft.email().textBody() == null) {
            throw new IllegalArgumentException("draft.approved " + approval.eventId() + " has no text body");
        }
        try {
            new InternetAddress(draft.email().to(), true);
        } catch (AddressException e) {
            // the address itself stays out of the reason
            throw new IllegalArgumentException("draft.approved " + approval.eventId() + " has an invalid recipient address");
        }
        return draft;
    }

    /** The same event as a confirmed send would have announced, so a send is counted once either way. */
    private static Engagement sent(String key, Draft draft, String detail) {
        String eventId = UUID.nameUUIDFromBytes(("sent:" + key).getBytes(StandardCharsets.UTF_8)).toString();
        return new Engagement(eventId, draft.leadId(), Engagement.SENT, "email", draft.draftId(),
                draft.segment() == null ? "default" : draft.segment(),
                draft.firstTouch("email").map(Draft.Message::variantId).orElse("v" + draft.version()), detail, Instant.now(),
                Provenance.of("outreach-agent", "0.1.0", "smtp"));
    }
}
