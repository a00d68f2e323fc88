package dev.leadstream.persona.writer;

/** Content that earned a reply for a similar lead: shown to a writer as style, never as facts. */
public record StyleExample(String id, String channel, String text) {
}
