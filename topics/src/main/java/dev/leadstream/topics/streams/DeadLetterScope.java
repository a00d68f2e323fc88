package dev.leadstream.topics.streams;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.RecordCollector;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a task's own producer known to {@link DeadLetterProcessingHandler}, so a dead letter joins
 * the task's exactly-once transaction. Kafka 4.1 hands the handler no way to write (KIP-1034 adds
 * one in 4.2), so every sub-topology registers its task here when it starts: {@link ReadOrDeadLetter}
 * does for the input topic, {@link #of} for a stream read back from a repartition topic.
 */
public final class DeadLetterScope<V> implements FixedKeyProcessor<String, V, V> {

    private static final Map<String, InternalProcessorContext<Void, Void>> TASKS = new ConcurrentHashMap<>();
    private FixedKeyProcessorContext<String, V> context;

    /** The stream, its task registered; place it right after a repartition. */
    public static <V> KStream<String, V> of(KStream<String, V> stream, String name) {
        return stream.processValues(DeadLetterScope::new, Named.as(name + "-dead-letter-scope"));
    }

    @SuppressWarnings("unchecked")
    static void register(ProcessingContext context) {
        if (context instanceof RecordCollector.Supplier && context instanceof InternalProcessorContext<?, ?> internal) {
            TASKS.put(key(context.applicationId(), context.taskId()), (InternalProcessorContext<Void, Void>) internal);
        }
    }

    /** The task's context; it is a {@link RecordCollector.Supplier}, the task's producer. */
    static Optional<InternalProcessorContext<Void, Void>> task(String applicationId, TaskId task) {
        return Optional.ofNullable(TASKS.get(key(applicationId, task)));
    }

    private static String key(String applicationId, TaskId task) {
        return applicationId + "/" + task;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        register(context);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        context.forward(record);
    }
}
