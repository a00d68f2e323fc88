package dev.leadstream.enrichment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "enrichment")
public interface EnrichmentConfig {

    /** A fingerprint file that adds technologies to the built-in ones or replaces them by name. */
    Fingerprints fingerprints();

    Embedding embedding();

    VectorStore vectorStore();

    Lookalike lookalike();

    Trends trends();

    interface Fingerprints {
        Optional<Path> file();
    }

    interface Embedding {
        /** Threads the embedding model may use; the rest of the machine is left to the broker. */
        @WithDefault("1")
        int threads();
    }

    interface VectorStore {
        /** {@code lucene} (embedded, on disk) or {@code qdrant}. */
        @WithDefault("lucene")
        String kind();

        @WithDefault("target/lookalike-index")
        Path dir();

        Optional<URI> qdrantUrl();

        Optional<String> qdrantApiKey();

        @WithDefault("leadstream-leads")
        String qdrantCollection();
    }

    interface Lookalike {
        /** Cosine similarity from which a lead that engaged counts as a lookalike. */
        @WithDefault("0.6")
        double minSimilarity();

        @WithDefault("3")
        int neighbours();

        /** How many resembling leads are enriched again when a lead engages. */
        @WithDefault("25")
        int reEnrichLimit();
    }

    interface Trends {
        @WithDefault("PT1H")
        Duration window();

        @WithDefault("PT15M")
        Duration advance();

        @WithDefault("8")
        int baselineWindows();

        @WithDefault("3")
        long minCount();

        @WithDefault("2.0")
        double minScore();

        @WithDefault("enrichment-agent.trend-boards")
        String boardsTopic();

        Wikipedia wikipedia();
    }

    /** Outside interest in a lead's sector, from Wikipedia page views; off unless enabled. */
    interface Wikipedia {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("https://wikimedia.org/api/rest_v1")
        URI baseUrl();

        @WithDefault("en.wikipedia")
        String project();

        /** Wikimedia asks every client to say who it is and how to reach them. */
        @WithDefault("LeadStream-enrichment-agent/0.1")
        String userAgent();

        @WithDefault("PT6H")
        Duration cacheFor();
    }
}
