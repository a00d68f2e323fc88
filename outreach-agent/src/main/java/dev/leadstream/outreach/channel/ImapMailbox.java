package dev.leadstream.outreach.channel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongUnaryOperator;

/**
 * Reads the mailbox that replies to outreach arrive in, over IMAP, read-only: the messages after a
 * UID, with the headers that tell what they answer. Flags are never touched, so people can work
 * the same mailbox by hand.
 */
@ApplicationScoped
public class ImapMailbox {

    @ConfigMapping(prefix = "outreach.replies")
    public interface RepliesConfig {
        /** Off, and no mailbox is read. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("3143")
        int port();

        /** The mailbox user; the sender address when not set. */
        Optional<String> username();

        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        @WithDefault("false")
        boolean ssl();

        @WithDefault("10s")
        Duration pollInterval();

        @WithDefault("15s")
        Duration timeout();
    }

    /** Messages read in one poll, and the folder's UIDVALIDITY they are numbered under. */
    public record Batch(long uidValidity, List<InboundMail> messages) {
    }

    private static final int MAX_PER_POLL = 200;

    private final RepliesConfig config;
    private final String username;
    private final Session session;

    public ImapMailbox(RepliesConfig config, SmtpSender.SmtpConfig smtp) {
        this.config = config;
        this.username = config.username().orElse(smtp.from());
        String protocol = config.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", Long.toString(config.timeout().toMillis()));
        props.put("mail." + protocol + ".timeout", Long.toString(config.timeout().toMillis()));
        props.put("mail." + protocol + ".writetimeout", Long.toString(config.timeout().toMillis()));
        this.session = Session.getInstance(props);
    }

    /**
     * The messages after the UID {@code position} gives for the folder's UIDVALIDITY, oldest first,
     * at most 200.
     */
    public Batch readAfter(LongUnaryOperator position) throws MessagingException {
        Store store = session.getStore();
        store.connect(config.host(), config.port(), username, config.password().orElse(""));
        try {
            Folder folder = store.getFolder(config.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long afterUid = position.applyAsLong(uids.getUIDValidity());
                List<InboundMail> read = new ArrayList<>();
                for (Message message : uids.getMessagesByUID(afterUid + 1, UIDFolder.LASTUID)) {
                    long uid = uids.getUID(message);
                    if (uid > afterUid) { // a range past the last UID still returns the last message
                        read.add(InboundMailReader.read(uid, message));
                    }
                    if (read.size() == MAX_PER_POLL) {
                        break;
                    }
                }
                return new Batch(uids.getUIDValidity(), read);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }
}
