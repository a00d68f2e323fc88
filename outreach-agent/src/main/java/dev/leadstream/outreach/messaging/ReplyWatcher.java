package dev.leadstream.outreach.messaging;

import dev.leadstream.outreach.channel.ImapMailbox;
import dev.leadstream.outreach.channel.InboundMail;
import dev.leadstream.outreach.ledger.MailboxPosition;
import dev.leadstream.outreach.ledger.SentMessages;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the reply mailbox and announces a "replied" engagement for each message a person wrote
 * in answer to an email outreach sent, and a "bounced" one for each report that such an email
 * failed for good. Out-of-office answers and delayed-delivery reports are neither. Each
 * message is announced before the position moves past it, under an id derived from its
 * Message-ID, so a crash in between announces the same event again, never a second one.
 */
@ApplicationScoped
public class ReplyWatcher {

    private static final Logger LOG = Logger.getLogger(ReplyWatcher.class);

    private final ImapMailbox mailbox;
    private final ImapMailbox.RepliesConfig config;
    private final SentMessages sentMessages;
    private final MailboxPosition position;
    private final EngagementPublisher publisher;
    private ScheduledExecutorService poller;
    private boolean failing;

    public ReplyWatcher(ImapMailbox mailbox, ImapMailbox.RepliesConfig config, SentMessages sentMessages,
                        MailboxPosition position, EngagementPublisher publisher) {
        this.mailbox = mailbox;
        this.config = config;
        this.sentMessages = sentMessages;
        this.position = position;
        this.publisher = publisher;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("reply detection is off (outreach.replies.enabled=false)");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "reply-watcher"));
        long every = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollOnce, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** One read of the mailbox; a mailbox that cannot be reached is tried again next time. */
    void pollOnce() {
        try {
            ImapMailbox.Batch batch = mailbox.readAfter(position::lastUid);
            for (InboundMail mail : batch.messages()) {
                engagementOf(mail).ifPresent(publisher::publish);
                position.advance(batch.uidValidity(), mail.uid());
            }
            if (failing) {
                LOG.info("the reply mailbox can be read again");
                failing = false;
            }
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("cannot read the reply mailbox (%s); trying again every %s", e.toString(), config.pollInterval());
                failing = true;
            }
        }
    }

    /**
     * What a message in the reply mailbox says of an email we sent: "bounced" for a report of its
     * permanent failure, "replied" for a person's answer, nothing otherwise.
     */
    Optional<Engagement> engagementOf(InboundMail mail) {
        if (mail.bounce().isPresent()) {
            return bounced(mail, mail.bounce().get());
        }
        return replied(mail);
    }

    private Optional<Engagement> bounced(InboundMail mail, InboundMail.Bounce bounce) {
        return sentMessages.find(bounce.messageId()).map(s -> {
            LOG.infof("the email of draft %s to lead %s bounced (status %s)", s.draftId(), s.leadId(), bounce.status());
            return new Engagement(eventId("bounced", mail, s), s.leadId(), Engagement.BOUNCED, s.channel(), s.draftId(),
                    s.segment(), s.variant(), "status " + bounce.status(), mail.receivedAt(),
                    Provenance.of("outreach-agent", "0.1.0", "imap"));
        });
    }

    /** An id that is the same each time the same message is read. */
    private static String eventId(String type, InboundMail mail, Engagement sent) {
        String identity = mail.messageId() != null ? mail.messageId() : "uid:" + mail.uid() + ":" + sent.eventId();
        return UUID.nameUUIDFromBytes((type + ":" + identity).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Optional<Engagement> replied(InboundMail mail) {
        Optional<Engagement> sent = mail.answers().stream().map(sentMessages::find).flatMap(Optional::stream).findFirst();
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        if (mail.automatic().isPresent()) {
            LOG.infof("an automatic answer (%s) to draft %s is not counted as a reply", mail.automatic().get(), sent.get().draftId());
            return Optional.empty();
        }
        Engagement s = sent.get();
        LOG.infof("lead %s replied to draft %s", s.leadId(), s.draftId());
        return Optional.of(new Engagement(eventId("replied", mail, s), s.leadId(), Engagement.REPLIED, s.channel(), s.draftId(), s.segment(),
                s.variant(), "email reply", mail.receivedAt(), Provenance.of("outreach-agent", "0.1.0", "imap")));
    }
}
