package dev.leadstream.topics.streams;

import dev.leadstream.topics.EventJson;

/** A record value as read from a topic: the event, or the reason it could not be read. */
public record Parsed<T>(T event, byte[] original, RuntimeException error) {

    public static <T> Parsed<T> of(byte[] value, Class<T> type) {
        try {
            return new Parsed<>(EventJson.read(value, type), value, null);
        } catch (RuntimeException e) {
            return new Parsed<>(null, value, e);
        }
    }

    public static <T> Parsed<T> failed(byte[] original, RuntimeException error) {
        return new Parsed<>(null, original, error);
    }

    public boolean failed() {
        return error != null;
    }
}
