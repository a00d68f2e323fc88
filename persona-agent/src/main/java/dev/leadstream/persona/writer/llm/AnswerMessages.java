package dev.leadstream.persona.writer.llm;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a checked answer into the draft's messages. The text is the statements in order: courtesy
 * statements at the start and end stand as their own paragraphs (greeting, sign-off), the rest
 * runs as one. An email also gets the footer every email needs: the sender's postal address, as
 * a statement citing its fact, and the unsubscribe placeholder outreach-agent fills.
 */
final class AnswerMessages {

    private static final Map<String, String> UNSUBSCRIBE = Map.of("en", "Unsubscribe", "de", "Abmelden",
            "nl", "Afmelden", "fr", "Se désabonner");

    private AnswerMessages() {
    }

    static List<Draft.Message> of(Answer answer, Brief brief, WritingTask task) {
        String campaign = brief.campaign() == null ? "no-campaign" : brief.campaign().campaignId();
        String to = brief.lead() == null || brief.lead().emails().isEmpty() ? null : brief.lead().emails().getFirst();
        Optional<Draft.Fact> postalAddress = brief.facts().stream()
                .filter(f -> "sender".equals(f.origin()) && f.field() != null && f.field().toLowerCase(Locale.ROOT).contains("address")
                        && !ContactFacts.isContact(f))
                .findFirst();
        List<Draft.Message> messages = new ArrayList<>();
        for (Answer.Message m : answer.messages()) {
            String variantId = campaign + ":" + m.channel() + ":" + m.step() + ":llm-" + m.variant();
            boolean email = "email".equals(m.channel());
            List<Draft.Statement> statements = new ArrayList<>();
            for (Answer.Statement s : m.statements()) {
                statements.add(statement(variantId, statements.size(), s.text(), s.about(), s.factIds()));
            }
            List<String> paragraphs = paragraphs(m.statements());
            if (email && postalAddress.isPresent()) {
                Draft.Fact address = postalAddress.get();
                statements.add(statement(variantId, statements.size(), address.value(), "courtesy", List.of(address.id())));
            }
            String text = String.join("\n\n", paragraphs);
            String html = null;
            if (email) {
                String footer = postalAddress.map(Draft.Fact::value).orElse("");
                String unsubscribe = UNSUBSCRIBE.getOrDefault(brief.language(), UNSUBSCRIBE.get("en"));
                text = text + "\n\n--\n" + (footer.isEmpty() ? "" : footer + "\n") + unsubscribe + ": " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER;
                html = html(paragraphs, footer, unsubscribe);
            }
            int dayOffset = task.step(m.step()).map(Campaign.Step::dayOffset).orElse(0);
            messages.add(new Draft.Message(variantId, m.channel(), m.step(), dayOffset, email ? to : null, m.subject(),
                    m.preheader(), text, html, m.hashtags(), m.script(), statements));
        }
        return messages;
    }

    private static Draft.Statement statement(String variantId, int index, String text, String about, List<String> factIds) {
        return new Draft.Statement(variantId + "#" + (index + 1), text, about, factIds, Draft.Statement.UNCHECKED, null);
    }

    /** Leading and trailing courtesy statements each on their own, the body between as one paragraph. */
    private static List<String> paragraphs(List<Answer.Statement> statements) {
        int first = 0;
        while (first < statements.size() && "courtesy".equals(statements.get(first).about())) {
            first++;
        }
        int last = statements.size();
        while (last > first && "courtesy".equals(statements.get(last - 1).about())) {
            last--;
        }
        List<String> paragraphs = new ArrayList<>();
        statements.subList(0, first).forEach(s -> paragraphs.add(s.text()));
        if (last > first) {
            paragraphs.add(String.join(" ", statements.subList(first, last).stream().map(Answer.Statement::text).toList()));
        }
        statements.subList(last, statements.size()).forEach(s -> paragraphs.add(s.text()));
        return paragraphs;
    }

    private static String html(List<String> paragraphs, String footer, String unsubscribe) {
        StringBuilder html = new StringBuilder();
        paragraphs.forEach(p -> html.append("<p>").append(escape(p)).append("</p>"));
        html.append("<p style=\"font-size:12px;color:#666\">");
        if (!footer.isEmpty()) {
            html.append(escape(footer)).append("<br>");
        }
        html.append("<a href=\"").append(Draft.Message.UNSUBSCRIBE_PLACEHOLDER).append("\">").append(escape(unsubscribe)).append("</a></p>");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
