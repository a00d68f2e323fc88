package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;

/**
 * A reviewer's change to one message of a draft, named by its variant id: the parts it replaces
 * (null leaves a part as it is). Subject, preheader and HTML belong to email only.
 */
public record MessageEdit(String variantId, String subject, String preheader, String text, String html) {

    static final int MAX_PREHEADER = 200;

    /** Why the edit cannot be made to {@code target}, one sentence per problem; empty when it can. */
    List<String> problems(Draft.Message target) {
        List<String> problems = new ArrayList<>();
        String name = target.variantId();
        boolean email = "email".equals(target.channel());
        if (!email && (subject != null || preheader != null || html != null)) {
            problems.add(name + ": subject, preheader and html are for email messages only; this is a " + target.channel() + " message");
        }
        if (subject != null && (subject.isBlank() || subject.length() > DraftEdit.MAX_SUBJECT)) {
            problems.add(name + ": subject must be 1 to " + DraftEdit.MAX_SUBJECT + " characters, was " + subject.length());
        }
        if (preheader != null && preheader.length() > MAX_PREHEADER) {
            problems.add(name + ": preheader must be at most " + MAX_PREHEADER + " characters, was " + preheader.length());
        }
        int textLimit = email ? DraftEdit.MAX_BODY : DraftEdit.POST_LIMITS.getOrDefault(target.channel(), DraftEdit.MAX_BODY);
        if (text != null && (text.isBlank() || text.length() > textLimit)) {
            problems.add(name + ": text must be 1 to " + textLimit + " characters on " + target.channel() + ", was " + text.length());
        }
        if (html != null && (html.isBlank() || html.length() > DraftEdit.MAX_BODY)) {
            problems.add(name + ": html must be 1 to " + DraftEdit.MAX_BODY + " characters, was " + html.length());
        }
        return problems;
    }

    /** The message with this edit's parts; its statements are checked again by {@link MessageGrounding}. */
    Draft.Message applyTo(Draft.Message m) {
        return new Draft.Message(m.variantId(), m.channel(), m.step(), m.dayOffset(), m.to(),
                subject != null ? subject : m.subject(),
                preheader != null ? (preheader.isBlank() ? null : preheader) : m.preheader(),
                text != null ? text : m.text(),
                html != null ? html : m.html(), m.hashtags(), m.script(), m.statements());
    }
}
