package dev.leadstream.local.sample;

import dev.leadstream.local.infra.LocalMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample businesses' owners reading their mail: each answers, over SMTP, every message that
 * reaches its address from outside, the way a person's mail client would (Re: subject, In-Reply-To
 * and References naming the message), in its own language. So outreach in the demo gets real
 * replies to detect.
 */
public final class SampleInboxes implements AutoCloseable {

    /** How many answers each language has, {@code reply.1} to {@code reply.3} in the sample texts. */
    private static final int ANSWERS = 3;

    private final LocalMail mail;
    private final Map<String, SampleBusiness> byAddress;
    private final Set<String> answered = new HashSet<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sample-inboxes");
        t.setDaemon(true);
        return t;
    });

    public SampleInboxes(LocalMail mail, List<SampleBusiness> businesses) {
        this.mail = mail;
        this.byAddress = businesses.stream().collect(Collectors.toMap(b -> b.email().toLowerCase(Locale.ROOT),
                Function.identity(), (a, b) -> a));
    }

    public SampleInboxes start() {
        reader.scheduleWithFixedDelay(this::answerNewMail, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    void answerNewMail() {
        for (MimeMessage message : mail.received()) {
            try {
                SampleBusiness owner = addressee(message);
                if (owner != null && message.getMessageID() != null && answered.add(message.getMessageID())) {
                    Transport.send(answer(owner, message));
                }
            } catch (MessagingException e) {
                System.err.println("[infra] a sample business could not answer a message: " + e.getMessage());
            }
        }
    }

    private SampleBusiness addressee(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        Address[] from = message.getFrom();
        if (to == null || from == null || byAddress.containsKey(address(from[0]))) {
            return null; // not addressed to anyone, or one business writing to another
        }
        return byAddress.get(address(to[0]));
    }

    private MimeMessage answer(SampleBusiness owner, MimeMessage original) throws MessagingException {
        MimeMessage answer = new MimeMessage(session());
        answer.setFrom(new InternetAddress(owner.email()));
        Address[] replyTo = original.getReplyTo();
        answer.setRecipients(Message.RecipientType.TO, replyTo != null && replyTo.length > 0 ? replyTo : original.getFrom());
        String subject = original.getSubject() == null ? "" : original.getSubject();
        answer.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
        answer.setHeader("In-Reply-To", original.getMessageID());
        String references = original.getHeader("References", " ");
        answer.setHeader("References", references == null ? original.getMessageID() : references + " " + original.getMessageID());
        String reply = SampleText.of(owner.language()).get("reply." + (1 + Math.floorMod(owner.slug().hashCode(), ANSWERS)));
        answer.setText(reply + "\n\n" + owner.name() + "\n", "UTF-8");
        return answer;
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        props.put("mail.smtp.localhost", "sample.test");
        return Session.getInstance(props);
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress().toLowerCase(Locale.ROOT)
                : address.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
