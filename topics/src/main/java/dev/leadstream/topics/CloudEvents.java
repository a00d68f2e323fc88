package dev.leadstream.topics;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers and the
 * value stays plain JSON, so the console consumer shows readable events.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }

    public static List<Header> headers(String type, String source) {
        return headers(UUID.randomUUID().toString(), type, source, Instant.now());
    }

    public static List<Header> headers(String id, String type, String source, Instant time) {
        return List.of(
                header(SPEC_VERSION, "1.0"),
                header(ID, id),
                header(TYPE, type),
                header(SOURCE, source),
                header(TIME, time.toString()),
                header(CONTENT_TYPE, "application/json"));
    }

    public static void addTo(Headers target, String type, String source) {
        headers(type, source).forEach(target::add);
    }

    public static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
