package dev.leadstream.hitl.entity;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.UUID;

/**
 * An event waiting in the outbox: Debezium reads the insert from the write-ahead log and routes
 * it to the topic named by {@code aggregatetype}, keyed by {@code aggregateid}.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String aggregatetype;

    @Column(nullable = false)
    public String aggregateid;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "jsonb")
    // through text: a string bound straight to jsonb would be stored as one JSON string
    @ColumnTransformer(write = "cast(cast(? as text) as jsonb)")
    public String payload;

    public static OutboxEvent of(UUID id, Topic<?> topic, String key, String type, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.id = id;
        row.aggregatetype = topic.name();
        row.aggregateid = key;
        row.type = type;
        row.payload = EventJson.toJson(event);
        return row;
    }
}
