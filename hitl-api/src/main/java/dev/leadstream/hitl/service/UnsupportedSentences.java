package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.topics.event.Draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No draft is approved while the grounding gate finds a sentence in it that no fact it cites
 * supports: the refusal lists each sentence, where it is (the persona or a message's variant id)
 * and why, so a reviewer can edit exactly those.
 */
final class UnsupportedSentences {

    /** How many sentences the detail quotes; {@code sentences} holds them all. */
    private static final int QUOTED = 5;

    private UnsupportedSentences() {
    }

    /** 422 listing every unsupported sentence of the draft, or null when there is none. */
    static ApiProblem refusal(Draft draft) {
        List<Draft.Statement> unsupported = draft.unsupportedStatements();
        if (unsupported.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> sentences = unsupported.stream().map(s -> {
            Map<String, Object> sentence = new LinkedHashMap<>();
            sentence.put("text", s.text());
            sentence.put("reason", s.reason());
            sentence.put("part", partOf(draft, s));
            return sentence;
        }).toList();
        String quoted = String.join("; ", unsupported.stream().limit(QUOTED).map(s -> "\"" + s.text() + "\" (" + s.reason() + ")").toList())
                + (unsupported.size() > QUOTED ? "; and " + (unsupported.size() - QUOTED) + " more" : "");
        return new ApiProblem(ProblemType.UNSUPPORTED_CLAIMS, 422, "draft " + draft.draftId() + " cannot be approved while "
                + (unsupported.size() == 1 ? "a sentence claims" : unsupported.size() + " sentences claim")
                + " what no fact it cites supports; edit " + (unsupported.size() == 1 ? "it" : "them") + " first: " + quoted,
                Map.of("sentences", sentences));
    }

    /** The variant id of the message that holds the statement, or {@code persona}. */
    private static String partOf(Draft draft, Draft.Statement statement) {
        return draft.messages().stream().filter(m -> m.statements().contains(statement)).map(Draft.Message::variantId)
                .findFirst().orElse("persona");
    }
}
