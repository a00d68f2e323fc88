package dev.leadstream.persona.writer.llm;

import java.util.List;

/** The model's answer once read and checked: messages of statements that cite the brief's facts. */
record Answer(List<Message> messages) {

    record Message(String channel, int step, String variant, String subject, String preheader, List<String> hashtags,
                   String script, List<Statement> statements) {
    }

    record Statement(String text, String about, List<String> factIds) {
    }
}
