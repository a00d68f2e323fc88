package dev.leadstream.topics.streams;

import dev.leadstream.topics.DeadLetters;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Turns a record that failed into its original bytes with the reason in dead-letter headers. */
public final class ToDeadLetter<T> implements FixedKeyProcessor<String, Parsed<T>, byte[]> {

    private final String agent;
    private FixedKeyProcessorContext<String, byte[]> context;

    public ToDeadLetter(String agent) {
        this.agent = agent;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Parsed<T>> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        var headers = record.headers();
        DeadLetters.headers(agent, source.topic(), source.partition(), source.offset(), record.value().error())
                .forEach(headers::add);
        context.forward(record.withValue(record.value().original()).withHeaders(headers));
    }
}
