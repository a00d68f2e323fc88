package dev.leadstream.outreach.channel;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a message in the reply mailbox says about the email it answers: the Message-IDs it
 * names, whether a machine wrote it, and whether it reports a delivery failure.
 */
final class InboundMailReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_REPORT_PART_BYTES = 64 * 1024;

    private InboundMailReader() {
    }

    static InboundMail read(long uid, Message message) throws MessagingException {
        List<String> answers = new ArrayList<>(ids(message.getHeader("In-Reply-To")));
        List<String> references = ids(message.getHeader("References"));
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!answers.contains(references.get(i))) {
                answers.add(references.get(i));
            }
        }
        String[] messageId = message.getHeader("Message-ID");
        Instant at = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
        return new InboundMail(uid, messageId == null ? null : messageId[0].trim(), answers, automatic(message), at,
                bounce(message));
    }

    /**
     * An RFC 3464 delivery report of a permanent failure: its {@code Action: failed} and
     * {@code Status}, and the Message-ID in the returned headers of the message that failed.
     * A delayed or relayed report is no bounce.
     */
    private static Optional<InboundMail.Bounce> bounce(Message message) throws MessagingException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        try {
            if (!(message.getContent() instanceof Multipart report)) {
                return Optional.empty();
            }
            String status = null;
            boolean failed = false;
            String original = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart part = report.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    String fields = text(part);
                    failed = field(fields, "Action").map(a -> a.equalsIgnoreCase("failed")).orElse(false);
                    status = field(fields, "Status").orElse(null);
                } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                    original = field(text(part), "Message-ID").flatMap(v -> ids(v).stream().findFirst()).orElse(null);
                }
            }
            return failed && original != null ? Optional.of(new InboundMail.Bounce(original, status == null ? "failed" : status))
                    : Optional.empty();
        } catch (IOException e) {
            throw new MessagingException("cannot read a delivery report", e);
        }
    }

    private static String text(BodyPart part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_REPORT_PART_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** The first value of a header-style field, e.g. {@code Action: failed}. */
    private static Optional<String> field(String fields, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.+?)\\s*$").matcher(fields);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<String> ids(String... headers) {
        List<String> ids = new ArrayList<>();
        for (String header : headers == null ? new String[0] : headers) {
            Matcher m = MESSAGE_ID.matcher(header);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    /** RFC 3834 and the headers real autoresponders and bounces set. */
    private static Optional<String> automatic(Message message) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.trim());
        }
        for (String header : List.of("X-Autoreply", "X-Autorespond")) {
            if (first(message, header) != null) {
                return Optional.of(header);
            }
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && List.of("auto_reply", "bulk", "junk", "list").contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("Precedence: " + precedence.trim());
        }
        if (message.isMimeType("multipart/report")) {
            return Optional.of("delivery report");
        }
        return Optional.empty();
    }

    private static String first(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
