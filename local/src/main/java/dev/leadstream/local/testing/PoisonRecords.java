package dev.leadstream.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated poison for a consumer's fuzz test: records that no consumer of the topic can process
 * and that must therefore each reach {@code <topic>.dlq} exactly once. They are derived from one
 * valid record and the fields the consumer cannot do without, so every consumer is fed the same
 * kinds: random bytes, truncated JSON, other JSON shapes, empty and null values, null and empty
 * keys, each required field missing, null, empty or of the wrong type, a required field near the
 * broker's record limit, and invalid UTF-8.
 */
public final class PoisonRecords {

    /** Just under the broker's default 1 MiB record limit, as a producer could still send it. */
    public static final int NEAR_LIMIT_CHARS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One poison record; {@code key} and {@code value} may be null, as Kafka allows. */
    public record Poison(String name, String key, byte[] value) {
    }

    private PoisonRecords() {
    }

    /**
     * @param validKey       the key of a record the consumer processes
     * @param validJson      its value
     * @param requiredFields top-level fields the consumer cannot do without (their value must be
     *                       a non-empty string, number, object or array in {@code validJson})
     * @param seed           for the random bytes, so a failing run can be repeated
     */
    public static List<Poison> against(String validKey, String validJson, List<String> requiredFields, long seed) {
        ObjectNode valid = parse(validJson);
        for (String field : requiredFields) {
            if (!valid.hasNonNull(field)) {
                throw new IllegalArgumentException("the valid record has no '" + field + "' to poison");
            }
        }
        List<Poison> poison = new ArrayList<>();
        byte[] random = new byte[97];
        new Random(seed).nextBytes(random);
        poison.add(new Poison("random-bytes", validKey, random));
        poison.add(new Poison("truncated-json", validKey, utf8(validJson.substring(0, validJson.length() / 2))));
        poison.add(new Poison("json-array", validKey, utf8("[" + validJson + "]")));
        poison.add(new Poison("json-number", validKey, utf8("42")));
        poison.add(new Poison("json-null", validKey, utf8("null")));
        poison.add(new Poison("empty-object", validKey, utf8("{}")));
        poison.add(new Poison("empty-value", validKey, new byte[0]));
        poison.add(new Poison("null-value", validKey, null));
        poison.add(new Poison("null-key", null, utf8(validJson)));
        poison.add(new Poison("empty-key", "", utf8(validJson)));
        poison.add(new Poison("invalid-utf8", validKey, withInvalidUtf8(validJson)));
        for (String field : requiredFields) {
            poison.add(new Poison("missing-" + field, validKey, bytes(valid.deepCopy().without(field))));
            poison.add(new Poison("null-" + field, validKey, bytes(valid.deepCopy().putNull(field))));
            poison.add(new Poison("empty-" + field, validKey, bytes(valid.deepCopy().put(field, ""))));
            poison.add(new Poison("blank-" + field, validKey, bytes(valid.deepCopy().put(field, " \t\u00a0"))));
            poison.add(new Poison("wrong-type-" + field, validKey, bytes(valid.deepCopy().set(field, wrongType(valid.get(field))))));
        }
        String first = requiredFields.isEmpty() ? "padding" : requiredFields.getFirst();
        poison.add(new Poison("near-limit-" + first, validKey,
                bytes(valid.deepCopy().put(first, "\u00e9".repeat(NEAR_LIMIT_CHARS / 2)))));
        return poison;
    }

    private static JsonNode wrongType(JsonNode original) {
        if (original.isContainerNode()) {
            return JsonNodeFactory.instance.numberNode(12345);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.putArray("unexpected").add(true);
        return object;
    }

    /** The valid JSON with a byte sequence that is not UTF-8 inside its first string. */
    private static byte[] withInvalidUtf8(String json) {
        byte[] bytes = utf8(json);
        int firstString = json.indexOf(":\"");
        if (firstString < 0) {
            return new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'};
        }
        int at = utf8(json.substring(0, firstString + 2)).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, 0, 3);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the valid record must be a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
