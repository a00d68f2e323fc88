package dev.leadstream.topics.streams;

import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.RecordCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * {@code processing.exception.handler} of every Streams app: when our own code throws on a record
 * (a merger, scorer or learner bug, an output too large for the broker), the input record as it
 * was read goes to its topic's DLQ with the reason and the agent, and the stream goes on.
 *
 * <p>The dead letter is sent through the task's own record collector (see {@link DeadLetterScope}),
 * so under exactly-once it joins the transaction that commits the input's offset: it is written
 * once, or, when the transaction aborts, not at all and again on the retry. For a task that never
 * registered, the handler fails it rather than lose the record or write it outside the transaction. Settings, under {@code kafka-streams.}:
 * {@code leadstream.dead-letter.agent} (default: the application id) and
 * {@code leadstream.dead-letter.fallback-topic}, the DLQ for records read from internal topics.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    public static final String AGENT_CONFIG = "leadstream.dead-letter.agent";
    public static final String FALLBACK_TOPIC_CONFIG = "leadstream.dead-letter.fallback-topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private static final ByteArraySerializer BYTES = new ByteArraySerializer();

    private String applicationId;
    private String agent;
    private String fallbackTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(AGENT_CONFIG);
        applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        agent = configured != null ? configured.toString() : applicationId;
        Object fallback = configs.get(FALLBACK_TOPIC_CONFIG);
        fallbackTopic = fallback == null ? null : fallback.toString();
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            // a punctuation has no input to dead-letter; the next one tries again
            LOG.error("{}: a scheduled step failed in {}", agent, context.processorNodeId(), exception);
            return ProcessingHandlerResponse.CONTINUE;
        }
        InternalProcessorContext<Void, Void> task = DeadLetterScope.task(applicationId, context.taskId()).orElse(null);
        if (task == null) {
            LOG.error("{}: cannot dead-letter {}-{}@{} inside the transaction; stopping rather than losing it",
                    agent, context.topic(), context.partition(), context.offset(), exception);
            return ProcessingHandlerResponse.FAIL;
        }
        String dlq = dlqFor(context.topic());
        Headers headers = context.headers() == null ? new RecordHeaders() : new RecordHeaders(context.headers().toArray());
        DeadLetters.headers(agent, context.topic(), context.partition(), context.offset(), exception).forEach(headers::add);
        byte[] value = RecordLimits.fitted(context.sourceRawValue(), RecordLimits.MAX_RECORD_BYTES, headers);
        ((RecordCollector.Supplier) task).recordCollector().send(dlq, context.sourceRawKey(), value, headers, null, context.timestamp(), BYTES, BYTES,
                context.processorNodeId(), task);
        LOG.warn("{}: dead-lettered {}-{}@{} to {}: {}", agent, context.topic(), context.partition(), context.offset(), dlq,
                exception.getClass().getSimpleName());
        return ProcessingHandlerResponse.CONTINUE;
    }

    private String dlqFor(String sourceTopic) {
        return Topics.byName(sourceTopic).map(Topic::dlq)
                .orElse(fallbackTopic != null ? fallbackTopic : sourceTopic + ".dlq");
    }
}
