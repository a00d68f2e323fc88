package dev.leadstream.topics;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers every {@code <topic>.dlq} record carries, so people and the replay tool know why.
 * The names are SmallRye Reactive Messaging's, so messaging agents and Streams apps agree.
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String EXCEPTION = "dead-letter-exception-class-name";
    public static final String SOURCE_TOPIC = "dead-letter-topic";
    public static final String SOURCE_PARTITION = "dead-letter-partition";
    public static final String SOURCE_OFFSET = "dead-letter-offset";
    public static final String AGENT = "dead-letter-agent";
    /** Set when the value was cut to fit the broker: how many bytes the original had. */
    public static final String ORIGINAL_SIZE = "dead-letter-original-size";

    private DeadLetters() {
    }

    public static List<Header> headers(String agent, String sourceTopic, int partition, long offset, Throwable error) {
        List<Header> headers = new ArrayList<>();
        headers.add(header(REASON, reason(error)));
        headers.add(header(EXCEPTION, error.getClass().getName()));
        headers.add(header(SOURCE_TOPIC, sourceTopic));
        headers.add(header(SOURCE_PARTITION, Integer.toString(partition)));
        headers.add(header(SOURCE_OFFSET, Long.toString(offset)));
        headers.add(header(AGENT, agent));
        return headers;
    }

    public static String reason(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
