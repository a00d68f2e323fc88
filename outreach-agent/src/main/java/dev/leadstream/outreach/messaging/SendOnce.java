package dev.leadstream.outreach.messaging;

import dev.leadstream.outreach.channel.SmtpSender;
import dev.leadstream.outreach.ledger.SendLedger;
import dev.leadstream.outreach.ledger.SentMessages;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;

import java.net.ConnectException;

/**
 * Sends a draft's email at most once, even across a crash: the ledger is claimed before the SMTP
 * call and confirmed after it. When the SMTP server could not even be reached, nothing left, so
 * the claim is given back and the failure, which is transient, is retried. Any other failure
 * leaves the send pending for good: sending twice is worse than sending once late by hand.
 */
@ApplicationScoped
public class SendOnce {

    public enum Result { SENT, ALREADY_SENT, STARTED_BEFORE }

    private final SmtpSender smtp;
    private final SendLedger ledger;
    private final SentMessages sentMessages;

    public SendOnce(SmtpSender smtp, SendLedger ledger, SentMessages sentMessages) {
        this.smtp = smtp;
        this.ledger = ledger;
        this.sentMessages = sentMessages;
    }

    public Result send(String key, Draft draft, Engagement sent) throws MessagingException {
        if (!ledger.begin(key)) {
            return ledger.stateOf(key) == SendLedger.State.SENT ? Result.ALREADY_SENT : Result.STARTED_BEFORE;
        }
        String messageId = smtp.messageIdFor(key);
        sentMessages.remember(messageId, sent);
        try {
            smtp.send(draft, messageId);
        } catch (MessagingException e) {
            if (neverConnected(e)) {
                ledger.release(key);
                throw e;
            }
            // no cause kept: a timeout in the middle of the call must not read as "retry me"
            throw new IllegalStateException("the SMTP call failed after the send began (" + e.getClass().getSimpleName()
                    + "); the send stays pending and is not retried, so no one gets the email twice");
        }
        CrashTestHold.afterSmtpBeforeLedger(draft.draftId());
        ledger.sent(key);
        return Result.SENT;
    }

    private static boolean neverConnected(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
    }
}
