package dev.leadstream.persona.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

@ApplicationScoped
public class MemoryBeans {

    @Produces
    @Singleton
    Embedder embedder(MemoryConfig config) {
        return new Embedder(config.embeddingThreads());
    }

    void close(@Disposes Embedder embedder) {
        embedder.close();
    }

    /** Made on first use, and the model loaded only then, and never when the memory is off. */
    @Produces
    @ApplicationScoped
    ContentMemory contentMemory(MemoryConfig config, Instance<Embedder> embedder) {
        if (!config.enabled()) {
            return ContentMemory.OFF;
        }
        try {
            Files.createDirectories(config.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the content memory directory " + config.dir(), e);
        }
        return new EmbeddedContentMemory(embedder.get(), new ContentIndex(config.dir()),
                config.outcomes(), config.examples(), config.minSimilarity(), Clock.systemUTC());
    }

    void close(@Disposes ContentMemory memory) {
        if (memory instanceof EmbeddedContentMemory embedded) {
            embedded.close();
        }
    }
}
