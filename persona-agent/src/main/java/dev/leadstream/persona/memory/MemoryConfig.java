package dev.leadstream.persona.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.List;

/** {@code persona.memory.*}: the embedded memory of content that worked. */
@ConfigMapping(prefix = "persona.memory")
public interface MemoryConfig {

    /** Off: no draft is remembered, no example given, and the embedding model is never loaded. */
    @WithDefault("true")
    boolean enabled();

    /** The Lucene index; the agent's own cache, under its data directory. */
    @WithDefault("target/content-memory")
    Path dir();

    /** Threads the embedding model may use; the rest of the machine is left to the broker. */
    @WithDefault("1")
    int embeddingThreads();

    /** Style examples a brief gets at most. */
    @WithDefault("3")
    int examples();

    /** Cosine similarity of lead profiles from which content counts as an example. */
    @WithDefault("0.5")
    double minSimilarity();

    /**
     * Engagement types that make content an example, strongest first. Clicks are left out by
     * default: link scanners and mail privacy proxies click too, and engagement does not yet tell
     * a person's click from a machine's.
     */
    @WithDefault("replied")
    List<String> outcomes();
}
