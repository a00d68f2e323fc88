package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.grounding.GroundingGate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A message's statements after a reviewer changed it: every sentence of its subject, preheader,
 * text, script and HTML is checked again by the grounding gate against the draft's facts. A
 * sentence left as it was keeps its citations; a new or changed one cites whichever facts carry
 * its claims, and is unsupported when none does.
 */
final class MessageGrounding {

    /** The ids {@link GroundingGate#recheck} gives sentences it has not seen before. */
    private static final Pattern NEW_STATEMENT = Pattern.compile("edit-\\d+");
    private static final String BLOCKS = "p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote";

    private MessageGrounding() {
    }

    static Draft.Message rechecked(Draft.Message m, List<Draft.Fact> facts, String language) {
        String content = Stream.of(m.subject(), m.preheader(), m.text(), m.script(), textOf(m.html()))
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
        // the HTML says again what the text says: one statement per sentence
        Map<String, Draft.Statement> bySentence = new LinkedHashMap<>();
        GroundingGate.recheck(content, m.statements(), facts, language).forEach(s -> bySentence.putIfAbsent(s.text(), s));
        Set<String> taken = bySentence.values().stream().map(Draft.Statement::id).collect(Collectors.toSet());
        int n = 0;
        List<Draft.Statement> statements = new ArrayList<>();
        for (Draft.Statement s : bySentence.values()) {
            if (NEW_STATEMENT.matcher(s.id()).matches()) {
                String id;
                do {
                    id = m.variantId() + "/edit-" + ++n;
                } while (taken.contains(id));
                taken.add(id);
                s = new Draft.Statement(id, s.text(), s.about(), s.factIds(), s.status(), s.reason());
            }
            statements.add(s);
        }
        return new Draft.Message(m.variantId(), m.channel(), m.step(), m.dayOffset(), m.to(), m.subject(), m.preheader(), m.text(),
                m.html(), m.hashtags(), m.script(), statements);
    }

    /** The words of an HTML body, a line per paragraph and line break, as the gate splits sentences there. */
    private static String textOf(String html) {
        if (html == null) {
            return null;
        }
        Document document = Jsoup.parse(html);
        document.select("br").after("\n");
        document.select(BLOCKS).after("\n");
        return document.body().wholeText();
    }
}
