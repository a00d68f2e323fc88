package dev.leadstream.persona.memory;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.StyleExample;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;

import java.util.List;

/**
 * What worked, for the writers: persona-agent remembers every draft it writes (the lead's profile
 * and each message, with the lead's name and contacts taken out); an engagement that earned a
 * reply makes the message it names an example; a new brief gets the examples written for the
 * leads most like its own, to be shown to the writer as style, never as facts. Blocking (a model
 * and a disk): call it off the event loop.
 */
public interface ContentMemory {

    /** Remembers a draft written for this brief; the same draft id again replaces it. */
    void remember(Brief brief, Draft draft);

    /** @return whether the engagement made remembered content an example */
    boolean learn(Engagement engagement);

    /** Up to k examples for the brief's channels, from the leads most like its own, best first. */
    List<StyleExample> examplesFor(Brief brief);

    /** No memory ({@code persona.memory.enabled=false}): nothing is kept, and no brief gets examples. */
    ContentMemory OFF = new ContentMemory() {
        @Override
        public void remember(Brief brief, Draft draft) {
        }

        @Override
        public boolean learn(Engagement engagement) {
            return false;
        }

        @Override
        public List<StyleExample> examplesFor(Brief brief) {
            return List.of();
        }
    };
}
