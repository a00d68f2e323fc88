package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.DraftChange;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one version of a draft changed against the one before, part by part: each message's
 * subject, preheader, text and HTML ({@code message.<variantId>.text}), or, for a draft without
 * messages, its email and posts ({@code email.subject}, {@code social.x}).
 */
public final class DraftChanges {

    private DraftChanges() {
    }

    public static List<DraftChange> between(Draft before, Draft after) {
        Map<String, String> a = parts(before);
        Map<String, String> b = parts(after);
        List<DraftChange> changes = new ArrayList<>();
        b.keySet().forEach(k -> a.putIfAbsent(k, null));
        a.forEach((field, from) -> {
            String to = b.get(field);
            if (!Objects.equals(from, to)) {
                changes.add(new DraftChange(field, from, to));
            }
        });
        return changes;
    }

    private static Map<String, String> parts(Draft draft) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (!draft.messages().isEmpty()) {
            // email and socialPosts only repeat the messages' first touch
            for (Draft.Message m : draft.messages()) {
                String part = "message." + m.variantId() + ".";
                parts.put(part + "subject", m.subject());
                parts.put(part + "preheader", m.preheader());
                parts.put(part + "text", m.text());
                parts.put(part + "html", m.html());
            }
            return parts;
        }
        if (draft.email() != null) {
            parts.put("email.subject", draft.email().subject());
            parts.put("email.textBody", draft.email().textBody());
            parts.put("email.htmlBody", draft.email().htmlBody());
        }
        draft.socialPosts().forEach(p -> parts.put("social." + p.platform(), p.text()));
        return parts;
    }
}
