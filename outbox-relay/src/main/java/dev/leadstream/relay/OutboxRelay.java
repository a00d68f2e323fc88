package dev.leadstream.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs Debezium's embedded engine on hitl-api's outbox and publishes what it routes. */
public final class OutboxRelay implements AutoCloseable {

    private final RelayConfig config;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "debezium-engine"));
    private OutboxPublisher publisher;
    private DebeziumEngine<?> engine;
    private volatile boolean running;
    private volatile String failure;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public OutboxRelay(RelayConfig config) {
        this.config = config;
    }

    /** Waits (up to {@code timeout}) for the outbox's slot and hitl-api's publication of it, then streams. */
    public OutboxRelay start(Duration timeout) throws IOException, InterruptedException {
        awaitOutbox(timeout);
        Files.createDirectories(config.offsetsFile().toAbsolutePath().getParent());
        publisher = new OutboxPublisher(config.kafkaClient(), config.relayId(), config.positionTopic(),
                config.pauseAfterPublishMillis(), config.maxRecordBytes());
        engine = DebeziumEngine.create(Connect.class)
                .using(config.debezium())
                .notifying(publisher)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        running = true;
                    }

                    @Override
                    public void taskStopped() {
                        running = false;
                    }
                })
                .using((success, message, error) -> {
                    running = false;
                    if (!success) {
                        failure = message + (error == null ? "" : ": " + error);
                    }
                    stopped.countDown();
                })
                .build();
        executor.execute(engine);
        return this;
    }

    /** Blocks until the engine stops; returns why it failed, or null when it stopped cleanly. */
    public String awaitStop() throws InterruptedException {
        stopped.await();
        return failure;
    }

    public boolean isRunning() {
        return running;
    }

    public long published() {
        return publisher == null ? 0 : publisher.published();
    }

    /** Events delivered again after a restart that had been published before it. */
    public long skipped() {
        return publisher == null ? 0 : publisher.skipped();
    }

    /** Rows that could never be published and went to a dead-letter topic instead. */
    public long deadLettered() {
        return publisher == null ? 0 : publisher.deadLettered();
    }

    private void awaitOutbox(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = "jdbc:postgresql://" + config.dbHost() + ":" + config.dbPort() + "/" + config.dbName();
        while (true) {
            try (Connection c = DriverManager.getConnection(url, config.dbUser(), config.dbPassword());
                 ResultSet rs = c.createStatement().executeQuery(
                         "select count(*) from pg_replication_slots where slot_name = '" + config.slot() + "'"
                                 + " and exists (select 1 from pg_publication where pubname = '" + config.publication() + "')")) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return;
                }
            } catch (SQLException e) {
                // the database or the schema is not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no outbox replication slot " + config.slot() + " or publication "
                        + config.publication() + " at " + url
                        + " after " + timeout + ": is hitl-api's schema migrated?");
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() throws IOException {
        if (engine != null) {
            engine.close();
        }
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
        running = false;
    }
}
