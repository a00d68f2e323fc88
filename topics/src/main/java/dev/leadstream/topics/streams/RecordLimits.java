package dev.leadstream.topics.streams;

import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sizes a record must keep to. The broker refuses a record over its limit (1 MiB by default), and
 * under exactly-once a refused write aborts the whole transaction, so the stream would retry it
 * forever: what is too large is dead-lettered before it is written.
 */
public final class RecordLimits {

    /**
     * The largest event a Streams app takes in. Its state (a merge, a tally) and its outputs carry
     * more than the input, and all of them must stay under the broker's limit.
     */
    public static final int MAX_EVENT_BYTES = 512 * 1024;

    /** The largest value written: the broker's default limit less room for key, headers and batch framing. */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    private RecordLimits() {
    }

    /**
     * The state an aggregate is about to keep, refused when its changelog record would be larger
     * than the broker takes: {@link DeadLetterProcessingHandler} then dead-letters the input that
     * would have grown it, and the state stays as it was.
     */
    public static <T> T stateWithinLimit(T state, String store) {
        int size = EventJson.toBytes(state).length;
        if (size > MAX_RECORD_BYTES) {
            throw new SerializeWithinLimit.OversizedOutputException(store + " state of " + size
                    + " bytes would be larger than the " + MAX_RECORD_BYTES + " bytes the broker takes");
        }
        return state;
    }

    /** The value cut to {@code max} bytes, noting the original size in the headers when it was cut. */
    public static byte[] fitted(byte[] value, int max, Headers headers) {
        if (value == null || value.length <= max) {
            return value;
        }
        headers.add(DeadLetters.ORIGINAL_SIZE, Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(value, max);
    }
}
