package dev.leadstream.persona.messaging;

import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.deterministic.DeterministicWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The writer the agent uses: the deterministic one, the offline default (an LLM writer wraps it as its fallback). */
@ApplicationScoped
public class WriterProducer {

    @Produces
    @ApplicationScoped
    public ContentWriter contentWriter() {
        return new DeterministicWriter();
    }
}
