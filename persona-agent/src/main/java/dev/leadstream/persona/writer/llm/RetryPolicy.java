package dev.leadstream.persona.writer.llm;

import dev.langchain4j.exception.HttpException;

import java.time.Duration;
import java.util.Optional;

/**
 * Which failed model calls are tried again, and after how long: a 429 or a 5xx, up to
 * {@code maxAttempts} calls in all, after the server's {@code Retry-After} or else an exponential
 * backoff. A server that asks for a longer wait than {@code maxRetryAfter} is not waited for:
 * the writer falls back instead of holding the lead's partition.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** The wait before the next call, or empty when {@code failure} after {@code attemptsMade} calls is final. */
    public Optional<Duration> delayBeforeRetry(int attemptsMade, Throwable failure) {
        HttpException refusal = httpCause(failure);
        if (attemptsMade >= maxAttempts || refusal == null || !retryable(refusal.statusCode())) {
            return Optional.empty();
        }
        if (refusal instanceof ModelHttpException withWait && withWait.retryAfter().isPresent()) {
            Duration asked = withWait.retryAfter().get();
            return asked.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(asked);
        }
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attemptsMade - 1, 20));
        return Optional.of(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The HTTP refusal behind a failure, however langchain4j wrapped it, or null. */
    static HttpException httpCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http;
            }
        }
        return null;
    }
}
