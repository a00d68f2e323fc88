package dev.leadstream.hitl.ui;

import dev.leadstream.topics.event.Draft;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A draft as the editor shows it: each message with its sentences, each sentence with the facts it
 * cites (field, value, where it was read), the unsupported ones with their reason, and the persona
 * the same way. Each message's form gets its own idempotency key.
 */
record GroundedView(List<MessageView> messages, List<StatementView> persona, List<StatementView> unsupported,
                    List<FactView> facts) {

    record MessageView(Draft.Message message, String label, boolean email, List<StatementView> statements, String saveKey) {
    }

    /** @param part where the sentence is: {@code persona} or the message's variant id */
    record StatementView(String part, String text, String status, String reason, List<FactView> facts) {
        public boolean unsupported() {
            return Draft.Statement.UNSUPPORTED.equals(status);
        }
    }

    /** @param linked whether the source is a web page to link to (a campaign statement may come from a line of the brief) */
    record FactView(String id, String field, String value, String sourceUrl, boolean linked) {
    }

    static GroundedView of(Draft draft) {
        Map<String, FactView> facts = draft.facts().stream().map(GroundedView::fact)
                .collect(Collectors.toMap(FactView::id, Function.identity(), (a, b) -> a));
        List<MessageView> messages = draft.messages().stream().map(m -> new MessageView(m, label(m), "email".equals(m.channel()),
                m.statements().stream().map(s -> statement(m.variantId(), s, facts)).toList(), Ui.idempotencyKey())).toList();
        List<StatementView> persona = draft.persona() == null ? List.of()
                : draft.persona().statements().stream().map(s -> statement("persona", s, facts)).toList();
        List<StatementView> unsupported = Stream.concat(persona.stream(),
                messages.stream().flatMap(m -> m.statements().stream())).filter(StatementView::unsupported).toList();
        return new GroundedView(messages, persona, unsupported, List.copyOf(facts.values()));
    }

    private static StatementView statement(String part, Draft.Statement s, Map<String, FactView> facts) {
        List<FactView> cited = s.factIds().stream().map(id -> facts.getOrDefault(id, new FactView(id, id, "(not a fact of this draft)",
                null, false))).toList();
        return new StatementView(part, s.text(), s.status(), s.reason(), cited);
    }

    private static FactView fact(Draft.Fact f) {
        String source = f.sourceUrl() == null ? "" : f.sourceUrl();
        String scheme = source.toLowerCase(Locale.ROOT);
        return new FactView(f.id(), f.field(), f.value(), f.sourceUrl(), scheme.startsWith("https://") || scheme.startsWith("http://"));
    }

    /** "email · step 1, day 3 · email:1:signal-led" */
    private static String label(Draft.Message m) {
        return m.channel() + " · step " + m.step() + ", day " + m.dayOffset() + " · " + m.variantId();
    }
}
