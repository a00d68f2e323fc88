package dev.leadstream.persona.memory;

import java.util.List;

/**
 * A draft persona-agent wrote, as memory keeps it: the lead's profile and each message's text,
 * with the lead's name and contacts already replaced by placeholders.
 */
record RememberedDraft(String draftId, String profile, List<Message> messages) {

    record Message(String variantId, String channel, int step, String text) {
    }

    RememberedDraft {
        messages = List.copyOf(messages);
    }
}
