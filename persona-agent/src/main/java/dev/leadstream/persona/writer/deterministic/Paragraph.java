package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.topics.event.Draft;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Statements shown together: a body paragraph (sentences run on), or a signature or footer (one per line). */
record Paragraph(Kind kind, List<Draft.Statement> statements) {

    enum Kind { BODY, SIGNATURE, FOOTER }

    Paragraph {
        statements = List.copyOf(statements);
    }

    @SafeVarargs
    static Paragraph of(Kind kind, Optional<Draft.Statement>... statements) {
        return new Paragraph(kind, Stream.of(statements).flatMap(Optional::stream).toList());
    }

    static Paragraph body(List<Draft.Statement> statements) {
        return new Paragraph(Kind.BODY, statements);
    }

    String separator() {
        return kind == Kind.BODY ? " " : "\n";
    }
}
