package dev.leadstream.persona.writer.llm;

import dev.leadstream.topics.event.Draft;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Facts that are ways to reach a person (email addresses, phone numbers) are never sent to the
 * model: the content does not need them, and the model may be a third party's service.
 */
final class ContactFacts {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private ContactFacts() {
    }

    static List<Draft.Fact> withoutContacts(List<Draft.Fact> facts) {
        return facts.stream().filter(f -> !isContact(f)).toList();
    }

    static boolean isContact(Draft.Fact fact) {
        String field = fact.field() == null ? "" : fact.field().toLowerCase(Locale.ROOT);
        return field.contains("email") || field.contains("phone")
                || (fact.value() != null && EMAIL.matcher(fact.value()).find());
    }
}
