package dev.leadstream.relay.wake;

import io.debezium.config.Configuration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * LISTENs on the channel hitl-api's outbox trigger notifies when a transaction that wrote outbox
 * rows commits, and wakes the change-stream reader. A lost connection is made again; meanwhile
 * the reader polls at the idle interval, and a fresh connection wakes it once for what it missed.
 */
final class CommitNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitNotifications.class);
    /** How long to wait for a notification before checking the connection is still there. */
    private static final int CHECK_MILLIS = 30_000;
    private static final long RETRY_MILLIS = 5_000;

    private final String url;
    private final Properties login = new Properties();
    private final String channel;
    private final Wakeup commits;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private CommitNotifications(Configuration debezium, String channel, Wakeup commits) {
        this.url = "jdbc:postgresql://" + debezium.getString("database.hostname") + ":" + debezium.getString("database.port")
                + "/" + debezium.getString("database.dbname");
        login.setProperty("user", debezium.getString("database.user"));
        login.setProperty("password", debezium.getString("database.password", ""));
        login.setProperty("ApplicationName", "outbox-relay notifications");
        this.channel = channel;
        this.commits = commits;
        this.thread = Thread.ofPlatform().daemon().name("outbox-notifications").start(this::run);
    }

    /** Starts listening, on a thread of its own, with the database and user of Debezium's settings. */
    static CommitNotifications listen(Configuration debezium, String channel, Wakeup commits) {
        return new CommitNotifications(debezium, channel, commits);
    }

    private void run() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, login)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                commits.wake();
                awaitNotifications(c);
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("not listening for outbox commits on {} ({}); retrying in {} ms, polling meanwhile",
                            channel, e.getMessage(), RETRY_MILLIS);
                    pause();
                }
            }
        }
    }

    private void awaitNotifications(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications(CHECK_MILLIS);
            if (notifications != null && notifications.length > 0) {
                commits.wake();
            } else if (!c.isValid(5)) {
                throw new SQLException("the connection was lost");
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        thread.interrupt();
    }
}
