package dev.leadstream.topics;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The headers every {@code <topic>.dlq} record carries, so people and the replay tool know why.
 * The names are SmallRye Reactive Messaging's, so messaging agents and Streams apps agree.
 * Every dead letter names the agent that gave up on it: when two consumer groups read a topic
 * (persona-agent and outreach-agent both read {@code approved}) and neither can process a record,
 * the DLQ holds one dead letter per agent, told apart by {@link #AGENT}.
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

    /** The header that names the agent, for dead letters SmallRye's dead-letter-queue strategy writes. */
    public static Header agent(String agent) {
        return header(AGENT, agent);
    }

    /** Longest id (lead, event, draft, request) a consumer accepts; a lead id is a domain, at most 253. */
    public static final int MAX_ID_LENGTH = 256;

    /** The record's key: every topic is keyed, so a null, empty or oversized key is a dead letter. */
    public static String requireKey(String key) {
        return requireId("key", key);
    }

    /** An id the consumer cannot do without: present, not blank, not longer than {@link #MAX_ID_LENGTH}. */
    public static String requireId(String field, String value) {
        if (value == null || value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("the record has no " + field);
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("the record's " + field + " is " + value.length()
                    + " characters long, over the limit of " + MAX_ID_LENGTH);
        }
        return value;
    }

    /** The value as it came, when it is UTF-8 (JSON's encoding); a JSON parser lets some broken sequences through. */
    public static byte[] requireUtf8(byte[] value) {
        if (value != null) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("the value is not UTF-8");
            }
        }
        return value;
    }

    /**
     * True for a failure that can pass by itself (a connection refused or cut, a timeout, the
     * broker asking to retry): the record is retried, not dead-lettered.
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    public static String reason(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
