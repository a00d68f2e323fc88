package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.topics.event.Draft;

import static dev.leadstream.persona.writer.HtmlText.escape;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders paragraphs of statements as a plain text body and as simple, inline-styled HTML: no
 * images, no scripts, one link (the unsubscribe placeholder), the preheader as the hidden first
 * line inboxes show beside the subject.
 */
final class Layout {

    private static final String PLACEHOLDER = Draft.Message.UNSUBSCRIBE_PLACEHOLDER;

    private Layout() {
    }

    static String text(List<Paragraph> paragraphs) {
        return paragraphs.stream().filter(p -> !p.statements().isEmpty())
                .map(p -> p.statements().stream().map(Draft.Statement::text).collect(Collectors.joining(p.separator())))
                .collect(Collectors.joining("\n\n"));
    }

    static String html(List<Paragraph> paragraphs, String preheader, String language, String unsubscribeWord) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(language).append("\"><body>");
        if (preheader != null) {
            html.append("<div style=\"display:none;max-height:0;overflow:hidden\">").append(escape(preheader)).append("</div>");
        }
        for (Paragraph p : paragraphs) {
            if (p.statements().isEmpty()) {
                continue;
            }
            String joint = p.kind() == Paragraph.Kind.BODY ? " " : "<br>";
            String inner = p.statements().stream().map(s -> linked(escape(s.text()), unsubscribeWord)).collect(Collectors.joining(joint));
            html.append(p.kind() == Paragraph.Kind.FOOTER ? "<p style=\"font-size:12px;color:#666666\">" : "<p>").append(inner).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    /** "Unsubscribe: {{unsubscribe_url}}" in the text is the link "Unsubscribe" in HTML. */
    private static String linked(String escaped, String word) {
        if (!escaped.contains(PLACEHOLDER)) {
            return escaped;
        }
        String link = "<a href=\"" + PLACEHOLDER + "\">" + escape(word) + "</a>";
        Matcher labelled = Pattern.compile(Pattern.quote(escape(word)) + "[\\s\\u00a0]*:[\\s\\u00a0]*" + Pattern.quote(PLACEHOLDER)).matcher(escaped);
        return labelled.find() ? labelled.replaceFirst(Matcher.quoteReplacement(link)) : escaped.replace(PLACEHOLDER, link);
    }
}
