package dev.leadstream.persona.writer.llm;

import dev.leadstream.persona.writer.ContentWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Puts the configured model in front of the deterministic writer: with {@code persona.llm.provider=none}
 * the deterministic writer is returned as it is, otherwise an {@link LlmWriter} that falls back to it.
 * Call once and keep the result: the circuit breaker lives in the writer it returns.
 */
@ApplicationScoped
public class LlmWriters {

    private static final Logger LOG = Logger.getLogger(LlmWriters.class);

    private final LlmConfig config;

    public LlmWriters(LlmConfig config) {
        this.config = config;
    }

    public ContentWriter withFallbackTo(ContentWriter deterministic) {
        if (LlmProvider.named(config.provider()) == LlmProvider.NONE) {
            LOG.info("no LLM configured (persona.llm.provider=none): the deterministic writer writes");
            return deterministic;
        }
        ModelEndpoint endpoint = config.endpoint();
        LOG.infof("the LLM writer uses %s; the deterministic writer is its fallback", endpoint);
        return new LlmWriter(endpoint, ChatModels.of(endpoint), config.retryPolicy(),
                new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().coolDown(), Clock.systemUTC()),
                deterministic);
    }
}
