package dev.leadstream.persona.writer.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * One question to the model, with the retries of a {@link RetryPolicy} behind a
 * {@link CircuitBreaker}. While the breaker is open no call leaves at all.
 */
final class ResilientChat {

    private static final Logger LOG = Logger.getLogger(ResilientChat.class);

    /** The model's answer and the calls it took. */
    record Reply(ChatResponse response, int attempts) {
    }

    private final ChatModel model;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;

    ResilientChat(ChatModel model, RetryPolicy retry, CircuitBreaker breaker) {
        this.model = model;
        this.retry = retry;
        this.breaker = breaker;
    }

    Reply ask(ChatRequest request) {
        if (!breaker.tryAcquire()) {
            throw new ModelUnavailableException("circuit open: the model failed repeatedly, calls resume after the cool-down", 0, null);
        }
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                ChatResponse response = model.chat(request);
                breaker.recordSuccess();
                return new Reply(response, attempts);
            } catch (RuntimeException failure) {
                Optional<Duration> wait = retry.delayBeforeRetry(attempts, failure);
                if (wait.isEmpty()) {
                    breaker.recordFailure();
                    throw new ModelUnavailableException(reason(failure, attempts), attempts, failure);
                }
                // the exception's message may quote the server's body: only its kind is logged
                LOG.infof("model call %d failed (%s), retrying in %d ms", attempts, kind(failure), wait.get().toMillis());
                try {
                    Thread.sleep(wait.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelUnavailableException("interrupted while waiting to retry", attempts, e);
                }
            }
        }
    }

    private static String reason(Throwable failure, int attempts) {
        return kind(failure) + " after " + attempts + (attempts == 1 ? " call" : " calls");
    }

    private static String kind(Throwable failure) {
        HttpException refusal = RetryPolicy.httpCause(failure);
        if (refusal != null) {
            return "HTTP " + refusal.statusCode();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return "timeout";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
