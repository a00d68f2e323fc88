package dev.leadstream.outreach.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How far the reply mailbox has been read: its UIDVALIDITY and the last UID announced. Saved
 * after each message, so a restart reads on from there; a changed UIDVALIDITY (the mailbox was
 * rebuilt) reads it again from the start, which is safe because reply events have fixed ids.
 */
@ApplicationScoped
public class MailboxPosition {

    private final Path file;
    private long uidValidity = -1;
    private long lastUid;

    public MailboxPosition(@ConfigProperty(name = "outreach.ledger.dir", defaultValue = "target/outreach-ledger") Path dir) {
        this.file = dir.resolve("reply-mailbox.position");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
                uidValidity = Long.parseLong(parts[0]);
                lastUid = Long.parseLong(parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The last UID read under this UIDVALIDITY; 0 when the mailbox is new or was rebuilt. */
    public synchronized long lastUid(long currentUidValidity) {
        return currentUidValidity == uidValidity ? lastUid : 0;
    }

    public synchronized void advance(long currentUidValidity, long uid) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.writeString(next, currentUidValidity + " " + uid + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        uidValidity = currentUidValidity;
        lastUid = uid;
    }
}
