package dev.leadstream.local.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the supervisor has done, in {@code run/supervisor.state}, so {@code ./leadstream status}
 * (another process) can show each process's restarts and why the supervisor gave up on one.
 */
public final class SupervisorState {

    private final Path file;
    private final Properties values = new Properties();

    private SupervisorState(Path file) {
        this.file = file;
    }

    public static SupervisorState in(Workspace workspace) {
        SupervisorState state = new SupervisorState(workspace.run().resolve("supervisor.state"));
        if (Files.exists(state.file)) {
            try (Reader in = Files.newBufferedReader(state.file)) {
                state.values.load(in);
            } catch (IOException e) {
                // half-written by a dying supervisor: show no restarts rather than fail status
            }
        }
        return state;
    }

    /** A fresh start forgets what the previous run's supervisor did. */
    public static void clear(Workspace workspace) {
        try {
            Files.deleteIfExists(workspace.run().resolve("supervisor.state"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int restarts(String process) {
        return Integer.parseInt(values.getProperty(process + ".restarts", "0"));
    }

    /** The one-line reason the supervisor stopped restarting this process, if it did. */
    public Optional<String> failure(String process) {
        return Optional.ofNullable(values.getProperty(process + ".failed"));
    }

    synchronized void recordRestart(String process, int restarts) {
        values.setProperty(process + ".restarts", Integer.toString(restarts));
        save();
    }

    synchronized void recordFailure(String process, String message) {
        values.setProperty(process + ".failed", message);
        save();
    }

    private void save() {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            values.store(out, "written by the LeadStream supervisor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
