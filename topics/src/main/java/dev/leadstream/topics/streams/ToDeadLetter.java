package dev.leadstream.topics.streams;

import dev.leadstream.topics.DeadLetters;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a record that failed into its original bytes with the reason in dead-letter headers (cut to
 * what the broker takes, with the original size in a header, should the headers push it over).
 */
public final class ToDeadLetter<T> implements FixedKeyProcessor<String, Parsed<T>, byte[]> {

    private final String agent;
    private FixedKeyProcessorContext<String, byte[]> context;

    public ToDeadLetter(String agent) {
        this.agent = agent;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
        DeadLetterScope.register(context);
    }

    @Override
    public void process(FixedKeyRecord<String, Parsed<T>> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        var headers = record.headers();
        DeadLetters.headers(agent, source.topic(), source.partition(), source.offset(), record.value().error())
                .forEach(headers::add);
        byte[] value = RecordLimits.fitted(record.value().original(), RecordLimits.MAX_RECORD_BYTES, headers);
        context.forward(record.withValue(value).withHeaders(headers));
    }
}
