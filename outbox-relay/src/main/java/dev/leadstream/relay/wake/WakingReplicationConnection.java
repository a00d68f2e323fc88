package dev.leadstream.relay.wake;

import io.debezium.connector.postgresql.connection.Lsn;
import io.debezium.connector.postgresql.connection.ReplicationConnection;
import io.debezium.connector.postgresql.connection.ReplicationStream;
import io.debezium.connector.postgresql.connection.WalPositionLocator;
import io.debezium.connector.postgresql.spi.SlotCreationResult;

import java.sql.SQLException;
import java.util.Optional;

/** Debezium's replication connection, whose streams wait for commits instead of polling (see {@link WakingReplicationStream}). */
final class WakingReplicationConnection implements ReplicationConnection {

    private final ReplicationConnection connection;
    private final Wakeup commits;
    private final Wakeup changes;
    private final long idlePollMillis;

    WakingReplicationConnection(ReplicationConnection connection, Wakeup commits, Wakeup changes, long idlePollMillis) {
        this.connection = connection;
        this.commits = commits;
        this.changes = changes;
        this.idlePollMillis = idlePollMillis;
    }

    @Override
    public ReplicationStream startStreaming(WalPositionLocator walPosition) throws SQLException, InterruptedException {
        return waking(connection.startStreaming(walPosition));
    }

    @Override
    public ReplicationStream startStreaming(Lsn offset, WalPositionLocator walPosition) throws SQLException, InterruptedException {
        return waking(connection.startStreaming(offset, walPosition));
    }

    private ReplicationStream waking(ReplicationStream stream) {
        return new WakingReplicationStream(stream, commits, changes, idlePollMillis);
    }

    @Override
    public Optional<SlotCreationResult> createReplicationSlot() throws SQLException {
        return connection.createReplicationSlot();
    }

    @Override
    public void initConnection() throws SQLException, InterruptedException {
        connection.initConnection();
    }

    @Override
    public boolean isConnected() throws SQLException {
        return connection.isConnected();
    }

    @Override
    public void reconnect() throws SQLException {
        connection.reconnect();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
