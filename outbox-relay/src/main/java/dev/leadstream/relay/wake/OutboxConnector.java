package dev.leadstream.relay.wake;

import io.debezium.connector.postgresql.PostgresConnector;
import org.apache.kafka.connect.connector.Task;

/** Debezium's PostgreSQL connector with the task that waits for outbox commits ({@link OutboxConnectorTask}). */
public class OutboxConnector extends PostgresConnector {

    @Override
    public Class<? extends Task> taskClass() {
        return OutboxConnectorTask.class;
    }
}
