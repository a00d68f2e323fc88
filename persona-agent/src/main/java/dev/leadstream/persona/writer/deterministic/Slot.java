package dev.leadstream.persona.writer.deterministic;

import java.util.List;

/** What fills a {@code {slot}} of a phrase, and the facts that make saying it true. */
record Slot(String text, List<String> factIds) {

    Slot {
        factIds = List.copyOf(factIds);
    }

    static Slot of(String text, String... factIds) {
        return new Slot(text, List.of(factIds));
    }
}
