package dev.leadstream.hitl.messaging;

import dev.leadstream.topics.DeadLetters;
import io.vertx.pgclient.PgException;

import java.util.List;

/** Which failures are worth the same statement again later: the broker's, and some of PostgreSQL's. */
final class DatabaseFailures {

    private static final List<String> TRANSIENT_CLASSES = List.of("08", "53", "57", "40");

    private DatabaseFailures() {
    }

    /**
     * PostgreSQL's connection (08), resource (53), operator-intervention (57) and
     * transaction-rollback (40: serialization, deadlock) classes, and what {@link DeadLetters} calls transient.
     */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() >= 2
                    && TRANSIENT_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
                return true;
            }
        }
        return DeadLetters.isTransient(error);
    }
}
