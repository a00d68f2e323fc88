package dev.leadstream.relay.wake;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.connector.postgresql.PostgresSchema;
import io.debezium.connector.postgresql.connection.PostgresConnection;
import io.debezium.connector.postgresql.connection.ReplicationConnection;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import org.apache.kafka.connect.source.SourceRecord;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debezium's PostgreSQL task, woken by commits instead of polling. Debezium's change-stream reader
 * and its engine each wake every {@code poll.interval.ms} while idle, and each idle wake cost the
 * relay about 0.7 ms of CPU here (mostly the engine's queue spinning through the last millisecond
 * of its wait): a short interval made decisions fast and an idle relay busy. Here the reader waits
 * for hitl-api's outbox notifications ({@link WakingReplicationStream}) and the engine's poll for
 * the reader to have read a change, and {@code poll.interval.ms} only gathers a batch. Idle, both
 * look once per idle poll ({@link #IDLE_POLL_SETTING}), which bounds the wait for a commit whose
 * notification was lost.
 */
public class OutboxConnectorTask extends PostgresConnectorTask {

    /** How long the relay waits, idle, before it looks at the change stream without a notification. */
    public static final String IDLE_POLL_SETTING = "leadstream.idle-poll.ms";
    /** The channel hitl-api's outbox trigger notifies on. */
    public static final String NOTIFY_CHANNEL_SETTING = "leadstream.notify-channel";

    private final Wakeup commits = new Wakeup();
    private final Wakeup changes = new Wakeup();
    private long idlePollMillis;
    private long pollAt = System.nanoTime();
    private CommitNotifications notifications;

    @Override
    public ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> start(Configuration config) {
        idlePollMillis = config.getLong(IDLE_POLL_SETTING, 1000L);
        ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> coordinator = super.start(config);
        notifications = CommitNotifications.listen(config, config.getString(NOTIFY_CHANNEL_SETTING), commits);
        return coordinator;
    }

    @Override
    protected ReplicationConnection buildReplicationConnection(PostgresConnection jdbcConnection, PostgresSchema schema,
                                                               PostgresConnectorConfig connectorConfig) throws SQLException {
        return new WakingReplicationConnection(super.buildReplicationConnection(jdbcConnection, schema, connectorConfig),
                commits, changes, idlePollMillis);
    }

    @Override
    public List<SourceRecord> doPoll() throws InterruptedException {
        long now = System.nanoTime();
        // idle: an empty poll lets the engine see a stop, and then it polls again
        if (now - pollAt < 0 && !changes.awaitUntil(pollAt)) {
            return List.of();
        }
        pollAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(idlePollMillis);
        return super.doPoll();
    }

    @Override
    protected void doStop() {
        if (notifications != null) {
            notifications.close();
        }
        super.doStop();
    }
}
