package dev.leadstream.persona.writer;

import dev.leadstream.topics.event.Draft;

import java.util.List;

/** A writer's content: every message with its statements, and how it was written. */
public record Written(List<Draft.Message> messages, Draft.Generation generation) {
    public Written {
        messages = List.copyOf(messages);
    }
}
