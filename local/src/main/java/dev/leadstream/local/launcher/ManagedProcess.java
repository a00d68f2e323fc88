package dev.leadstream.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process the launcher owns: started with its output in a log file and its pid in a pid file,
 * so a later {@code down} or {@code status}, or the next start after a crash, can find it.
 * Every command line carries {@code -Dleadstream.process=<name>} so a reused pid is never killed.
 */
public final class ManagedProcess {

    private static final long LOG_ROTATE_BYTES = 16L * 1024 * 1024;

    private final String name;
    private final Workspace workspace;

    public ManagedProcess(String name, Workspace workspace) {
        this.name = name;
        this.workspace = workspace;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return workspace.logs().resolve(name + ".log");
    }

    private Path pidFile() {
        return workspace.run().resolve(name + ".pid");
    }

    public String marker() {
        return "-Dleadstream.process=" + name;
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} detached, so it outlives the launcher until stopped. */
    public void start(List<String> jvmArgs, List<String> mainArgs) {
        start(jvmArgs, mainArgs, Map.of());
    }

    /** As {@link #start(List, List)}, with environment variables added: secrets go here, not on the command line. */
    public void start(List<String> jvmArgs, List<String> mainArgs, Map<String, String> environment) {
        stop();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(marker());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        try {
            keepLogAcrossRestarts();
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder
                    .directory(workspace.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * A restarted process writes on after its crash, so the log still shows why it died; a log
     * past {@link #LOG_ROTATE_BYTES} becomes {@code <name>.log.1} first.
     */
    private void keepLogAcrossRestarts() throws IOException {
        Path log = logFile();
        if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(log, "---- " + java.time.Instant.now() + " starting " + name + " ----" + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    public Optional<ProcessHandle> handle() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isAlive() {
        return handle().isPresent();
    }

    /** SIGKILL: the process gets no chance to flush or close anything, as in a crash. */
    public void kill() {
        handle().ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** SIGTERM, then SIGKILL after a grace period. Safe to call when nothing runs. */
    public void stop() {
        handle().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isOurs(ProcessHandle process) {
        return process.info().arguments()
                .map(args -> List.of(args).contains(marker()))
                .orElse(true);
    }
}
