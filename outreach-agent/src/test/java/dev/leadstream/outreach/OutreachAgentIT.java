package dev.leadstream.outreach;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.MailTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.outreach.ledger.SendLedger;
import dev.leadstream.outreach.messaging.DraftApprovedConsumer;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real broker, real SMTP and IMAP server (GreenMail): an approval sends one email, a redelivery
 * none; a person's answer to it, read from the reply mailbox over IMAP, is announced as replied.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailTestResource.class)
class OutreachAgentIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
    private final DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Inject
    SendLedger ledger;

    @Test
    void anApprovedDraftIsSentExactlyOnceAndAnnounced() throws Exception {
        String recipient = "owner-" + UUID.randomUUID() + "@rose.test";
        Draft draft = new Draft(UUID.randomUUID().toString(), "rose.test", 1, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email(recipient, "Hello Rose", "Hi there\nUnsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER,
                        "<p>Hi there</p><p><a href=\"" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "\">Unsubscribe</a></p>"), List.of(), List.of(), List.of(),
                Provenance.of("test", "1", null), "uk-food");
        Approval approval = Approval.draftApproved(UUID.randomUUID().toString(), draft, "ana");
        probe.send(Topics.APPROVED, draft.leadId(), approval);
        probe.send(Topics.APPROVED, draft.leadId(), approval); // the same decision delivered twice

        List<Engagement> sent = probe.values(Topics.ENGAGEMENT, probe.readUntil(Topics.ENGAGEMENT.name(), Duration.ofSeconds(60),
                        rs -> probe.values(Topics.ENGAGEMENT, rs).stream().filter(e -> draft.draftId().equals(e.draftId())).count() >= 2))
                .stream().filter(e -> draft.draftId().equals(e.draftId())).toList();
        assertThat(sent).extracting(Engagement::type).containsOnly(Engagement.SENT);
        assertThat(sent).extracting(Engagement::segment).containsOnly("uk-food"); // learning is per segment
        assertThat(sent).extracting(Engagement::eventId).containsOnly(sent.get(0).eventId());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> toRecipient(recipient).size() == 1);
        MimeMessage message = toRecipient(recipient).get(0);
        assertThat(message.getSubject()).isEqualTo("Hello Rose");
        String unsubscribe = "mailto:outreach@leadstream.local?subject=unsubscribe%20" + draft.draftId();
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        MimeMultipart bodies = (MimeMultipart) message.getContent();
        assertThat((String) bodies.getBodyPart(0).getContent()).endsWith("Unsubscribe: " + unsubscribe)
                .doesNotContain(Draft.Message.UNSUBSCRIBE_PLACEHOLDER);
        assertThat((String) bodies.getBodyPart(1).getContent()).contains("href=\"" + unsubscribe + "\"");
    }

    @Test
    void poisonOnApprovedIsDeadLetteredOnceByThisAgentAndTheNextApprovalIsSentOnce() throws Exception {
        String recipient = "owner-" + UUID.randomUUID() + "@ash.test";
        Draft draft = draft("ash.test", 1, recipient, "Hello Ash", "uk-food");
        Approval valid = Approval.draftApproved(UUID.randomUUID().toString(), draft, "ana");
        List<PoisonRecords.Poison> poison = PoisonRecords.against(draft.leadId(), EventJson.toJson(valid),
                List.of("eventId", "type", "leadId", "draft"), 14L);

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.APPROVED.name(), Topics.APPROVED.eventType(), poison);
        probe.send(Topics.APPROVED, draft.leadId(), valid);

        await().atMost(Duration.ofSeconds(90)).until(() -> toRecipient(recipient).size() == 1);
        fuzz.assertEachDeadLetteredOnce("outreach-agent", landed, Duration.ofSeconds(90));
        assertThat(toRecipient(recipient)).hasSize(1);
        DeadLetterFuzz.assertHealthy(ready);
    }

    @Test
    void aPersonsAnswerIsAnnouncedAsRepliedOnceAndAnOutOfOfficeAnswerIsNot() throws Exception {
        String recipient = "owner-" + UUID.randomUUID() + "@oak.test";
        Draft draft = draft("oak.test", 2, recipient, "Hello Oak", "uk-food");
        String sentId = approveAndAwaitEmail(draft);

        answer(recipient, sentId, "<ooo-" + UUID.randomUUID() + "@oak.test>", "Auto-Submitted", "auto-replied");
        answer(recipient, null, "<unrelated-" + UUID.randomUUID() + "@oak.test>", "X-Note", "not an answer");
        String replyId = "<reply-" + UUID.randomUUID() + "@oak.test>";
        answer(recipient, sentId, replyId, "X-Note", "a person");
        answer(recipient, sentId, replyId, "X-Note", "the same answer delivered twice");

        // the mailbox is read in order, so by the second announcement every earlier message was judged
        List<Engagement> replied = repliedTo(draft, probe.values(Topics.ENGAGEMENT, probe.readUntil(Topics.ENGAGEMENT.name(),
                Duration.ofSeconds(60), rs -> repliedTo(draft, probe.values(Topics.ENGAGEMENT, rs)).size() >= 2)));
        assertThat(replied).hasSize(2); // the twice-delivered answer, under one event id; the out-of-office one not at all
        assertThat(replied).extracting(Engagement::eventId).containsOnly(replied.get(0).eventId());
        assertThat(replied.get(0).leadId()).isEqualTo("oak.test");
        assertThat(replied.get(0).segment()).isEqualTo("uk-food");
        assertThat(replied.get(0).variant()).isEqualTo("v2");
        assertThat(replied.get(0).channel()).isEqualTo("email");
    }

    @Test
    void aSendACrashLeftUnconfirmedIsNotRepeatedButAnnouncedAsSentUnconfirmed() throws Exception {
        String recipient = "owner-" + UUID.randomUUID() + "@birch.test";
        Draft draft = draft("birch.test", 1, recipient, "Hello Birch", "uk-food");
        // what a crash between the SMTP call and the ledger leaves behind: the send claimed, never confirmed
        assertThat(ledger.begin(DraftApprovedConsumer.emailKey(draft))).isTrue();
        probe.send(Topics.APPROVED, draft.leadId(), Approval.draftApproved(UUID.randomUUID().toString(), draft, "ana"));

        Engagement announced = probe.values(Topics.ENGAGEMENT, probe.readUntil(Topics.ENGAGEMENT.name(), Duration.ofSeconds(60),
                        rs -> probe.values(Topics.ENGAGEMENT, rs).stream().anyMatch(e -> draft.draftId().equals(e.draftId()))))
                .stream().filter(e -> draft.draftId().equals(e.draftId())).findFirst().orElseThrow();
        assertThat(announced.type()).isEqualTo(Engagement.SENT);
        assertThat(announced.detail()).startsWith("unconfirmed").doesNotContain(recipient);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> toRecipient(recipient).isEmpty());
        assertThat(ledger.stateOf(DraftApprovedConsumer.emailKey(draft))).isEqualTo(SendLedger.State.PENDING);
    }

    @Test
    void aPermanentDeliveryFailureIsAnnouncedAsBouncedAndADelayIsNot() throws Exception {
        String recipient = "nobody-" + UUID.randomUUID() + "@elm.test";
        Draft draft = draft("elm.test", 1, recipient, "Hello Elm", "uk-retail");
        String sentId = approveAndAwaitEmail(draft);

        report(recipient, sentId, "delayed", "4.4.7");
        report(recipient, sentId, "failed", "5.1.1");

        List<Engagement> bounced = probe.values(Topics.ENGAGEMENT, probe.readUntil(Topics.ENGAGEMENT.name(), Duration.ofSeconds(60),
                        rs -> probe.values(Topics.ENGAGEMENT, rs).stream().anyMatch(e -> isBounceOf(draft, e))))
                .stream().filter(e -> isBounceOf(draft, e)).toList();
        // the delay was read first and announced nothing
        assertThat(bounced).singleElement().satisfies(e -> {
            assertThat(e.leadId()).isEqualTo("elm.test");
            assertThat(e.segment()).isEqualTo("uk-retail");
            assertThat(e.detail()).isEqualTo("status 5.1.1").doesNotContain(recipient);
        });
    }

    private static Draft draft(String leadId, int version, String recipient, String subject, String segment) {
        return new Draft(UUID.randomUUID().toString(), leadId, version, new Draft.Persona("owner", "warm", List.of()),
                new Draft.Email(recipient, subject, "Hi there", null), List.of(), List.of(), List.of(),
                Provenance.of("test", "1", null), segment);
    }

    /** Approves the draft and returns the Message-ID of the one email that reaches its recipient. */
    private String approveAndAwaitEmail(Draft draft) throws Exception {
        probe.send(Topics.APPROVED, draft.leadId(), Approval.draftApproved(UUID.randomUUID().toString(), draft, "ana"));
        String recipient = draft.email().to();
        await().atMost(Duration.ofSeconds(60)).until(() -> toRecipient(recipient).size() == 1);
        return toRecipient(recipient).get(0).getMessageID();
    }

    private static boolean isBounceOf(Draft draft, Engagement e) {
        return draft.draftId().equals(e.draftId()) && Engagement.BOUNCED.equals(e.type());
    }

    /** Sends, over real SMTP, an RFC 3464 delivery report about the message {@code sentId}. */
    private static void report(String recipient, String sentId, String action, String status) throws Exception {
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.");
        report.addBodyPart(human);
        report.addBodyPart(part("Reporting-MTA: dns; mx.elm.test\r\n\r\nFinal-Recipient: rfc822; " + recipient
                + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\n", "message/delivery-status"));
        report.addBodyPart(part("Message-ID: " + sentId + "\r\nSubject: Hello Elm\r\n", "text/rfc822-headers"));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp()));
        message.setFrom(new InternetAddress("mailer-daemon@elm.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("outreach@leadstream.local"));
        message.setSubject("Delivery Status Notification");
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setContent(report);
        Transport.send(message);
    }

    private static MimeBodyPart part(String text, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.US_ASCII), type)));
        return part;
    }

    private static Properties smtp() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(SharedInfra.mail().smtpPort()));
        props.put("mail.smtp.localhost", "elm.test");
        return props;
    }

    private static List<Engagement> repliedTo(Draft draft, List<Engagement> engagements) {
        return engagements.stream().filter(e -> draft.draftId().equals(e.draftId()) && Engagement.REPLIED.equals(e.type())).toList();
    }

    /** Sends, over real SMTP, a message from the recipient to the outreach sender. */
    private static void answer(String from, String inReplyTo, String messageId, String header, String value) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("outreach@leadstream.local"));
        message.setSubject("Re: Hello Oak");
        message.setText("Sounds good, call me.");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        message.setHeader(header, value);
        Transport.send(message);
    }

    /** Every message GreenMail holds for the recipient; one it cannot read fails the test rather than counting as none. */
    private static List<MimeMessage> toRecipient(String recipient) {
        return SharedInfra.mail().received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient);
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError("GreenMail holds a message whose recipient cannot be read", e);
            }
        }).toList();
    }
}
