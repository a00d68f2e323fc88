package dev.leadstream.topics.streams;

import dev.leadstream.topics.Topic;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The last step before a sink: writes the event as the topic's JSON and refuses one larger than
 * the broker takes. Under exactly-once such a write would abort every transaction it is retried
 * in; refused here, {@link DeadLetterProcessingHandler} dead-letters the input that made it.
 */
public final class SerializeWithinLimit<V> implements FixedKeyProcessor<String, V, byte[]> {

    private final Topic<V> topic;
    private final int maxBytes;
    private final Serializer<V> serializer;
    private FixedKeyProcessorContext<String, byte[]> context;

    public SerializeWithinLimit(Topic<V> topic) {
        this(topic, RecordLimits.MAX_RECORD_BYTES);
    }

    public SerializeWithinLimit(Topic<V> topic, int maxBytes) {
        this.topic = topic;
        this.maxBytes = maxBytes;
        this.serializer = topic.valueSerde().serializer();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        byte[] bytes = serializer.serialize(topic.name(), record.value());
        if (bytes != null && bytes.length > maxBytes) {
            throw new OversizedOutputException(topic.name() + " record of " + bytes.length
                    + " bytes is larger than the " + maxBytes + " bytes the broker takes");
        }
        context.forward(record.withValue(bytes));
    }

    /** What this step throws for an output the broker would refuse. */
    public static final class OversizedOutputException extends RuntimeException {
        public OversizedOutputException(String message) {
            super(message);
        }
    }
}
