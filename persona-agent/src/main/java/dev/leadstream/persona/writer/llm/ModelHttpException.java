package dev.leadstream.persona.writer.llm;

import dev.langchain4j.exception.HttpException;

import java.time.Duration;
import java.util.Optional;

/** A refusal by the model server, with how long it asked us to wait before trying again. */
public final class ModelHttpException extends HttpException {

    private final Duration retryAfter;

    public ModelHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
