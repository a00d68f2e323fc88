package dev.leadstream.topics.streams;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.Map;
import java.util.function.Function;

/**
 * The first step of every Streams app: read a topic's records as events, send the ones that cannot
 * be read (no key, no value, too large, not the event's JSON, or refused by {@code problem}) to
 * the topic's DLQ with the reason, and go on. The dead letter is an output of the topology, so
 * under exactly-once it is written in the same transaction as the input's offset: once.
 */
public final class ReadOrDeadLetter {

    private ReadOrDeadLetter() {
    }

    /** {@code problem} returns why an event can never be processed, or null when it can. */
    public static <T> KStream<String, T> stream(StreamsBuilder builder, Topic<T> topic, String agent,
                                                Function<T, String> problem) {
        String prefix = topic.name() + "-";
        Map<String, KStream<String, Parsed<T>>> branches = builder
                .stream(topic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues((key, value) -> checked(key, value, topic.valueType(), problem))
                .split(Named.as(prefix))
                .branch((key, parsed) -> parsed.failed(), Branched.as("invalid"))
                .defaultBranch(Branched.as("valid"));
        branches.get(prefix + "invalid")
                .processValues(() -> new ToDeadLetter<T>(agent))
                .to(topic.dlq(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return branches.get(prefix + "valid").mapValues(Parsed::event);
    }

    private static <T> Parsed<T> checked(String key, byte[] value, Class<T> type, Function<T, String> problem) {
        if (RequiredFields.blank(key)) {
            return refused(value, "record without a key");
        }
        if (value != null && value.length > RecordLimits.MAX_EVENT_BYTES) {
            return refused(value, "record of " + value.length + " bytes is larger than the " + RecordLimits.MAX_EVENT_BYTES
                    + " bytes a stream takes");
        }
        int malformed = value == null ? -1 : Utf8.firstMalformed(value);
        if (malformed >= 0) {
            return refused(value, "value is not valid UTF-8 (at byte " + malformed + ")");
        }
        Parsed<T> parsed = Parsed.of(value, type);
        if (parsed.failed()) {
            return parsed;
        }
        if (parsed.event() == null) {
            return refused(value, "value is JSON null");
        }
        String reason = problem.apply(parsed.event());
        return reason == null ? parsed : Parsed.failed(parsed.original(), new IllegalArgumentException(reason));
    }

    private static <T> Parsed<T> refused(byte[] value, String reason) {
        return Parsed.failed(value, new EventJson.MalformedEventException(reason));
    }
}
