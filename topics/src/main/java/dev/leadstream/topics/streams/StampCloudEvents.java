package dev.leadstream.topics.streams;

import dev.leadstream.topics.CloudEvents;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Kafka Streams copies the input record's headers to its outputs; this replaces the CloudEvents
 * attributes with the ones of the event this step writes.
 */
public final class StampCloudEvents<V> implements FixedKeyProcessor<String, V, V> {

    private final String type;
    private final String source;
    private FixedKeyProcessorContext<String, V> context;

    public StampCloudEvents(String type, String source) {
        this.type = type;
        this.source = source;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        Headers headers = record.headers();
        for (String name : new String[] {CloudEvents.SPEC_VERSION, CloudEvents.ID, CloudEvents.TYPE, CloudEvents.SOURCE,
                CloudEvents.TIME, CloudEvents.CONTENT_TYPE}) {
            headers.remove(name);
        }
        CloudEvents.addTo(headers, type, source);
        context.forward(record.withHeaders(headers));
    }
}
