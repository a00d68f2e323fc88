package dev.leadstream.topics;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A topic of the contract: its name, the key and value serdes, and the CloudEvents type of its
 * records. Keys are always strings (lead id, request id or segment).
 */
public record Topic<V>(String name, Class<V> valueType, String eventType) {

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public JsonSerde<V> valueSerde() {
        return new JsonSerde<>(valueType);
    }

    /** The dead-letter topic for records of this topic that could not be processed. */
    public String dlq() {
        return name + ".dlq";
    }
}
