package dev.leadstream.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a running LeadStream keeps its state on one machine: {@code <home>/.leadstream/}. */
public record Workspace(Path home, Path root) {

    public static Workspace at(Path home) {
        return new Workspace(home.toAbsolutePath().normalize(), home.toAbsolutePath().normalize().resolve(".leadstream"));
    }

    /** {@code -Dleadstream.home} (the project) and, for a second stack beside a demo, {@code -Dleadstream.workspace}. */
    public static Workspace fromSystemProperty() {
        Workspace standard = at(Path.of(System.getProperty("leadstream.home", ".")));
        String root = System.getProperty("leadstream.workspace");
        return root == null ? standard : new Workspace(standard.home(), Path.of(root).toAbsolutePath().normalize());
    }

    public Path logs() {
        return dir("logs");
    }

    public Path run() {
        return dir("run");
    }

    public Path data() {
        return dir("data");
    }

    public Path hostsFile() {
        return data().resolve("hosts");
    }

    /**
     * The stack's passwords (Kafka users, database roles), made once per workspace and readable by
     * its owner only: {@code secrets/credentials.properties}.
     */
    public Path credentialsFile() {
        Path secrets = dir("secrets");
        secrets.toFile().setReadable(false, false);
        secrets.toFile().setExecutable(false, false);
        secrets.toFile().setReadable(true, true);
        secrets.toFile().setExecutable(true, true);
        return secrets.resolve("credentials.properties");
    }

    public Path infraReady() {
        return run().resolve("infra.ready");
    }

    /** A path as a person would type it from the project: relative to it when inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : absolute.toString();
    }

    private Path dir(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
