package dev.leadstream.relay;

import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.streams.RecordLimits;
import dev.leadstream.topics.streams.RequiredFields;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One routed outbox row as the Kafka record it becomes: the event on its destination topic, or,
 * when the row can never be published (no aggregate id, a destination the relay does not serve,
 * no payload, a record larger than the broker takes), its dead letter on {@code <destination>.dlq}
 * with the reason. A row with no known destination has no such topic: it goes to the relay's own
 * {@link Topics#UNROUTABLE_OUTBOX_ROWS}.
 */
record OutboxRow(String eventId, String type, String destination, String key, byte[] value) {

    static final String AGENT = "outbox-relay";
    /** The dead-letter source of every row: the outbox table, at the row's position in the change stream. */
    static final String SOURCE = "outbox";
    static final String UNROUTABLE_DLQ = Topics.UNROUTABLE_OUTBOX_ROWS;
    private static final int MAX_DEAD_LETTER_KEY_BYTES = 1024;
    /** Room left under the limit for the headers a dead letter adds. */
    private static final int DEAD_LETTER_HEADROOM = 16 * 1024;

    static OutboxRow of(SourceRecord record) {
        Object value = record.value();
        return new OutboxRow(header(record, "id"), header(record, CloudEvents.TYPE), record.topic(),
                record.key() == null ? null : record.key().toString(),
                value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Why this row can never be published, or null when it can. */
    String problem(int maxRecordBytes) {
        if (RequiredFields.blank(eventId) || RequiredFields.blank(type)) {
            return "outbox row without an event id or type";
        }
        if (!known()) {
            return "outbox row for unknown destination '" + cut(String.valueOf(destination), 200) + "'";
        }
        String key = RequiredFields.id("aggregate id", this.key);
        if (key != null) {
            return "outbox row: " + key;
        }
        if (value == null || value.length == 0) {
            return "outbox row without a payload";
        }
        int size = size();
        return size > maxRecordBytes ? "outbox row of " + size + " bytes is larger than the " + maxRecordBytes
                + " bytes the broker takes" : null;
    }

    ProducerRecord<String, byte[]> event() {
        return new ProducerRecord<>(destination, null, key, value, cloudEvents());
    }

    /** The dead letter: the payload cut to fit (the original size in a header), the reason and the agent. */
    ProducerRecord<String, byte[]> deadLetter(String reason, RelayPosition position, int maxRecordBytes) {
        String dlq = known() ? destination + ".dlq" : UNROUTABLE_DLQ;
        RecordHeaders headers = new RecordHeaders(cloudEvents());
        DeadLetters.headers(AGENT, SOURCE, 0, position.lsn(), new IllegalArgumentException(reason)).forEach(headers::add);
        byte[] fitted = RecordLimits.fitted(value, Math.max(0, maxRecordBytes - DEAD_LETTER_HEADROOM), headers);
        return new ProducerRecord<>(dlq, null, key == null ? null : cut(key, MAX_DEAD_LETTER_KEY_BYTES), fitted, headers);
    }

    /** A topic of the contract; anything else has no consumer and no dead-letter topic. */
    private boolean known() {
        return destination != null && Topics.byName(destination).isPresent();
    }

    private List<Header> cloudEvents() {
        return new ArrayList<>(CloudEvents.headers(eventId == null ? "" : eventId, type == null ? "" : type,
                "/leadstream/hitl-api", Instant.now()));
    }

    private int size() {
        return value.length + (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    private static String header(SourceRecord record, String name) {
        org.apache.kafka.connect.header.Header header = record.headers().lastWithName(name);
        return header == null || header.value() == null ? null : header.value().toString();
    }
}
