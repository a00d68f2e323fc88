package dev.leadstream.outreach.channel;

import dev.leadstream.topics.event.Draft;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/** Sends one draft's email over SMTP, synchronously, with bounded timeouts. */
@ApplicationScoped
public class SmtpSender {

    @ConfigMapping(prefix = "outreach.smtp")
    public interface SmtpConfig {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("3025")
        int port();

        @WithDefault("outreach@leadstream.local")
        String from();

        /** The name said in EHLO; without it the client looks this host up in DNS, which can hang. */
        @WithDefault("leadstream.local")
        String heloName();

        @WithDefault("false")
        boolean startTls();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("15s")
        Duration timeout();

        /** Where an unsubscribe request goes; the From address when not set. */
        Optional<String> unsubscribeMailbox();
    }

    private final SmtpConfig config;
    private final Session session;
    private final UnsubscribeLink unsubscribe;

    public SmtpSender(SmtpConfig config) {
        this.config = config;
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.localhost", config.heloName());
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.startTls()));
        props.put("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        props.put("mail.smtp.connectiontimeout", Long.toString(config.timeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(config.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(config.timeout().toMillis()));
        this.session = Session.getInstance(props);
        this.unsubscribe = new UnsubscribeLink(config.unsubscribeMailbox().orElse(config.from()));
    }

    /**
     * Sends the draft under the given Message-ID, so a reply, which names it in In-Reply-To, can be
     * traced back to the draft and lead it answers.
     */
    public void send(Draft draft, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(config.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(draft.email().to(), true));
        message.setSubject(draft.email().subject(), "UTF-8");
        message.setHeader("X-LeadStream-Draft", draft.draftId());
        message.setHeader("List-Unsubscribe", unsubscribe.header(draft.draftId()));
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(unsubscribe.fill(draft.email().textBody(), draft.draftId()), "UTF-8");
        alternatives.addBodyPart(text);
        if (draft.email().htmlBody() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(unsubscribe.fill(draft.email().htmlBody(), draft.draftId()), "text/html; charset=UTF-8");
            alternatives.addBodyPart(html);
        }
        message.setContent(alternatives);
        message.saveChanges();
        if (config.username().isPresent()) {
            Transport.send(message, config.username().get(), config.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }

    /** A Message-ID of the sender's own domain that is the same every time for the same key. */
    public String messageIdFor(String key) {
        String domain = config.from().substring(config.from().lastIndexOf('@') + 1);
        return "<" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + ".leadstream@" + domain + ">";
    }
}
