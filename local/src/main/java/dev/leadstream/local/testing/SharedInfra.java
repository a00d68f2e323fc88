package dev.leadstream.local.testing;

import dev.leadstream.local.infra.ContractTopics;
import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.FreePorts;
import dev.leadstream.local.infra.LocalKafka;
import dev.leadstream.local.infra.LocalMail;
import dev.leadstream.local.infra.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real broker, database and mail server per test JVM, started on first use on free ports and
 * stopped when the JVM exits. Every test class of a module shares them. They run with
 * authentication on, with random credentials made once per JVM.
 */
public final class SharedInfra {

    private static LocalKafka kafka;
    private static LocalPostgres postgres;
    private static LocalMail mail;
    private static Path root;
    private static final Credentials CREDENTIALS = Credentials.random();

    private SharedInfra() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = new LocalKafka(root().resolve("kafka"), FreePorts.any(), CREDENTIALS).start();
            ContractTopics.create(kafka.adminClient());
        }
        return kafka;
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = new LocalPostgres(root().resolve("postgres"), FreePorts.any(), CREDENTIALS).start();
        }
        return postgres;
    }

    /** The passwords of this JVM's broker users and database roles. */
    public static Credentials credentials() {
        return CREDENTIALS;
    }

    public static synchronized LocalMail mail() {
        if (mail == null) {
            mail = new LocalMail(FreePorts.any(), FreePorts.any()).start();
        }
        return mail;
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("leadstream-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfra::stopAll, "leadstream-test-infra-stop"));
        }
        return root;
    }

    private static synchronized void stopAll() {
        if (mail != null) {
            mail.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteQuietly(root);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
