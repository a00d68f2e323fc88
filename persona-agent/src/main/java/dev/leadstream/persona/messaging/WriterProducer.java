package dev.leadstream.persona.messaging;

import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.deterministic.DeterministicWriter;
import dev.leadstream.persona.writer.llm.LlmWriters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The writer the agent uses: the LLM writer when {@code persona.llm.provider} names one, with the
 * deterministic writer as its fallback; the deterministic writer alone otherwise. One instance, so
 * the LLM writer's circuit breaker is shared by every draft.
 */
@ApplicationScoped
public class WriterProducer {

    @Produces
    @ApplicationScoped
    public ContentWriter contentWriter(LlmWriters llm) {
        return llm.withFallbackTo(new DeterministicWriter());
    }
}
