package dev.leadstream.persona.writer.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code persona.llm.*}: which model writes, and how hard to try before the deterministic writer takes over. */
@ConfigMapping(prefix = "persona.llm")
public interface LlmConfig {

    /** {@code none} (the deterministic writer only), {@code openai}, {@code ollama} or {@code huggingface}. */
    @WithDefault("none")
    String provider();

    /** The OpenAI-compatible API's base, ending in /v1; defaults per provider (see {@link LlmProvider}). */
    Optional<String> baseUrl();

    Optional<String> model();

    /** From the environment ({@code PERSONA_LLM_API_KEY}) or a secret store; never in a committed file. */
    Optional<String> apiKey();

    @WithDefault("0.7")
    double temperature();

    /** Room for every channel, step and variant of a campaign in one answer. */
    @WithDefault("4096")
    int maxTokens();

    /** For one call, the whole answer included. */
    @WithDefault("PT60S")
    Duration timeout();

    /** Send the answer's JSON schema; false asks for plain JSON mode, for servers that take no schema. */
    @WithDefault("true")
    boolean jsonSchema();

    Retry retry();

    Breaker breaker();

    interface Retry {
        /** Calls per question, the first included; only 429 and 5xx are tried again. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /** A longer Retry-After than this is not waited for: the deterministic writer writes instead. */
        @WithDefault("PT30S")
        Duration maxRetryAfter();
    }

    interface Breaker {
        /** Questions that failed in a row before calls stop. */
        @WithDefault("5")
        int failureThreshold();

        /** How long calls stay stopped before one trial call. */
        @WithDefault("PT60S")
        Duration coolDown();
    }

    default ModelEndpoint endpoint() {
        return new ModelEndpoint(LlmProvider.named(provider()), baseUrl().orElse(null), model().orElse(null),
                apiKey().orElse(null), temperature(), maxTokens(), timeout(), jsonSchema());
    }

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(retry().maxAttempts(), retry().initialBackoff(), retry().maxBackoff(), retry().maxRetryAfter());
    }
}
