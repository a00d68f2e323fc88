package dev.leadstream.persona.writer.llm;

import java.util.List;

/** The model answered, but not with content we can use: what was wrong, to tell it in the repair request. */
final class InvalidAnswerException extends RuntimeException {

    private static final int SHOWN = 20;

    private final List<String> problems;

    InvalidAnswerException(List<String> problems) {
        super(problems.size() + " problem(s): " + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size()))));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
