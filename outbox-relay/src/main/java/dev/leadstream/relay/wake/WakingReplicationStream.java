package dev.leadstream.relay.wake;

import io.debezium.connector.postgresql.connection.Lsn;
import io.debezium.connector.postgresql.connection.ReplicationStream;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The change stream as Debezium's reader sees it, with waiting in place of polling. Debezium reads
 * five times and then sleeps {@code poll.interval.ms}, however long nothing happens; here an empty
 * read waits, without spending CPU, until PostgreSQL notifies a commit to the outbox or the idle
 * poll is due. For a moment after a notification or a change, reads return at once and
 * Debezium's short pause paces them: a commit's change may reach the stream just after its
 * notification, and the rows of a burst come one transaction after another.
 */
final class WakingReplicationStream implements ReplicationStream {

    private static final long ACTIVE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ReplicationStream stream;
    private final Wakeup commits;
    private final Wakeup changes;
    private final long idlePollNanos;
    /** Read and written by Debezium's reader thread only. */
    private long activeUntil = System.nanoTime();
    private long lookAt = System.nanoTime();

    /** {@code commits} is called on each notified commit; this stream calls {@code changes} on each change it reads. */
    WakingReplicationStream(ReplicationStream stream, Wakeup commits, Wakeup changes, long idlePollMillis) {
        this.stream = stream;
        this.commits = commits;
        this.changes = changes;
        this.idlePollNanos = TimeUnit.MILLISECONDS.toNanos(idlePollMillis);
    }

    @Override
    public boolean readPending(ReplicationMessageProcessor processor) throws SQLException, InterruptedException {
        long now = System.nanoTime();
        if (now - activeUntil >= 0 && now - lookAt < 0) {
            // idle: an empty answer lets Debezium's loop see a stop, and then it asks again
            if (!commits.awaitUntil(lookAt)) {
                return false;
            }
            activeUntil = System.nanoTime() + ACTIVE_NANOS;
        }
        lookAt = System.nanoTime() + idlePollNanos;
        if (stream.readPending(announcing(processor))) {
            activeUntil = System.nanoTime() + ACTIVE_NANOS;
            return true;
        }
        return false;
    }

    @Override
    public void read(ReplicationMessageProcessor processor) throws SQLException, InterruptedException {
        stream.read(announcing(processor));
    }

    /** Tells the engine's poll, once Debezium has queued a change, that there is something to take. */
    private ReplicationMessageProcessor announcing(ReplicationMessageProcessor processor) {
        return message -> {
            processor.process(message);
            changes.wake();
        };
    }

    @Override
    public void flushLsn(Lsn lsn) throws SQLException {
        stream.flushLsn(lsn);
    }

    @Override
    public Lsn lastReceivedLsn() {
        return stream.lastReceivedLsn();
    }

    @Override
    public Lsn startLsn() {
        return stream.startLsn();
    }

    @Override
    public void startKeepAlive(ExecutorService service) {
        stream.startKeepAlive(service);
    }

    @Override
    public void stopKeepAlive() {
        stream.stopKeepAlive();
    }

    @Override
    public void close() throws Exception {
        stream.close();
    }
}
