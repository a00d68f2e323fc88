package dev.leadstream.outreach.ledger;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Engagement;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which lead, draft and segment each sent email belongs to, by its Message-ID, written to disk
 * before the email leaves, so a reply that names the Message-ID can always be traced back.
 * Holds no contact details: the "sent" engagement names the lead by id only.
 */
@ApplicationScoped
public class SentMessages {

    private final Path file;
    private final Map<String, Engagement> byMessageId = new HashMap<>();

    public SentMessages(@ConfigProperty(name = "outreach.ledger.dir", defaultValue = "target/outreach-ledger") Path dir) {
        this.file = dir.resolve("sent-messages.tsv");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        byMessageId.put(line.substring(0, tab), EventJson.read(line.substring(tab + 1), Engagement.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public synchronized void remember(String messageId, Engagement sent) {
        if (sent.equals(byMessageId.get(messageId))) {
            return;
        }
        String line = messageId + "\t" + EventJson.toJson(sent) + "\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        byMessageId.put(messageId, sent);
    }

    public synchronized Optional<Engagement> find(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId));
    }
}
