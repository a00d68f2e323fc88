package dev.leadstream.outreach.ledger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers every send, on disk, before and after the provider call. A key seen before is never
 * sent again: a send that was started but never confirmed (a crash in between) stays "pending"
 * and is not retried, because sending twice is worse than sending once late by hand.
 */
@ApplicationScoped
@Startup
public class SendLedger {

    /** RELEASED is written when a claim is given back (nothing left); it is never a key's state. */
    public enum State { PENDING, SENT, RELEASED }

    private final Path file;
    private final Map<String, State> states = new HashMap<>();

    public SendLedger(@ConfigProperty(name = "outreach.ledger.dir", defaultValue = "target/outreach-ledger") Path dir) {
        this.file = dir.resolve("send-ledger.tsv");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t");
                    if (parts.length >= 2 && State.valueOf(parts[1]) == State.RELEASED) {
                        states.remove(parts[0]);
                    } else if (parts.length >= 2) {
                        states.put(parts[0], State.valueOf(parts[1]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the send ledger " + file, e);
        }
    }

    public synchronized State stateOf(String key) {
        return states.get(key);
    }

    /** Claims the key for one send; false when it was ever claimed before. */
    public synchronized boolean begin(String key) {
        if (states.containsKey(key)) {
            return false;
        }
        append(key, State.PENDING);
        return true;
    }

    public synchronized void sent(String key) {
        append(key, State.SENT);
    }

    /** Gives a claim back when the send certainly did not happen (the server could not be reached). */
    public synchronized void release(String key) {
        append(key, State.RELEASED);
        states.remove(key);
    }

    private void append(String key, State state) {
        String line = key + "\t" + state + "\t" + Instant.now() + "\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the send ledger " + file, e);
        }
        states.put(key, state);
    }
}
