package dev.leadstream.local.testing;

import dev.leadstream.local.infra.ContractTopics;
import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.FreePorts;
import dev.leadstream.local.infra.KafkaAuth;
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

    // Quarkus starts the application again, in a class loader of its own, for a test profile: these
    // system properties let that copy of this class find the broker and database already running.
    private static final String ROOT = "leadstream.test-infra.root";
    private static final String KAFKA_PORT = "leadstream.test-infra.kafka-port";
    private static final String POSTGRES_PORT = "leadstream.test-infra.postgres-port";

    private static LocalKafka kafka;
    private static LocalPostgres postgres;
    private static LocalMail mail;
    private static Path root;
    private static Credentials credentials;

    private SharedInfra() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            String running = System.getProperty(KAFKA_PORT);
            if (running != null) {
                kafka = new LocalKafka(root().resolve("kafka"), Integer.parseInt(running), credentials());
                KafkaAuth.registerAdmin(kafka.bootstrapServers(), kafka.adminClient());
            } else {
                kafka = new LocalKafka(root().resolve("kafka"), FreePorts.any(), credentials()).start();
                ContractTopics.create(kafka.adminClient());
                System.setProperty(KAFKA_PORT, Integer.toString(kafka.port()));
            }
        }
        return kafka;
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            String running = System.getProperty(POSTGRES_PORT);
            if (running != null) {
                postgres = new LocalPostgres(root().resolve("postgres"), Integer.parseInt(running), credentials());
            } else {
                postgres = new LocalPostgres(root().resolve("postgres"), FreePorts.any(), credentials()).start();
                System.setProperty(POSTGRES_PORT, Integer.toString(postgres.port()));
            }
        }
        return postgres;
    }

    /** The passwords of this JVM's broker users and database roles. */
    public static synchronized Credentials credentials() {
        if (credentials == null) {
            credentials = Credentials.readOrMake(root().resolve("credentials.properties"));
        }
        return credentials;
    }

    public static synchronized LocalMail mail() {
        if (mail == null) {
            mail = new LocalMail(FreePorts.any(), FreePorts.any()).start();
        }
        return mail;
    }

    private static Path root() {
        if (root == null) {
            String shared = System.getProperty(ROOT);
            if (shared != null) {
                root = Path.of(shared);
                return root;
            }
            try {
                root = Files.createTempDirectory("leadstream-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(ROOT, root.toString());
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
