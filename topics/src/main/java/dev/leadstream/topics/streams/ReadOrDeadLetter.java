package dev.leadstream.topics.streams;

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
 * be read (or that {@code problem} refuses) to the topic's DLQ with the reason, and go on.
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
                .mapValues(value -> checked(Parsed.of(value, topic.valueType()), problem))
                .split(Named.as(prefix))
                .branch((key, parsed) -> parsed.failed(), Branched.as("invalid"))
                .defaultBranch(Branched.as("valid"));
        branches.get(prefix + "invalid")
                .processValues(() -> new ToDeadLetter<T>(agent))
                .to(topic.dlq(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return branches.get(prefix + "valid").mapValues(Parsed::event);
    }

    private static <T> Parsed<T> checked(Parsed<T> parsed, Function<T, String> problem) {
        if (parsed.failed()) {
            return parsed;
        }
        String reason = problem.apply(parsed.event());
        return reason == null ? parsed : Parsed.failed(parsed.original(), new IllegalArgumentException(reason));
    }
}
