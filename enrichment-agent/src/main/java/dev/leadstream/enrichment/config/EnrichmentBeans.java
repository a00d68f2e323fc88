package dev.leadstream.enrichment.config;

import dev.leadstream.enrichment.Enricher;
import dev.leadstream.enrichment.lookalike.Embedder;
import dev.leadstream.enrichment.lookalike.IndexRestore;
import dev.leadstream.enrichment.lookalike.Lookalikes;
import dev.leadstream.enrichment.lookalike.LuceneVectorStore;
import dev.leadstream.enrichment.lookalike.QdrantVectorStore;
import dev.leadstream.enrichment.lookalike.VectorStore;
import dev.leadstream.enrichment.signals.Fingerprints;
import dev.leadstream.enrichment.signals.LeadSignals;
import dev.leadstream.enrichment.trends.ExternalInterest;
import dev.leadstream.enrichment.trends.Momentum;
import dev.leadstream.enrichment.trends.TrendBoards;
import dev.leadstream.enrichment.trends.TrendSignals;
import dev.leadstream.enrichment.trends.WikipediaPageviews;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class EnrichmentBeans {

    @Produces
    @ApplicationScoped
    Embedder embedder(EnrichmentConfig config) {
        return new Embedder(config.embedding().threads());
    }

    void close(@Disposes Embedder embedder) {
        embedder.close();
    }

    @Produces
    @ApplicationScoped
    VectorStore vectorStore(EnrichmentConfig config) {
        EnrichmentConfig.VectorStore store = config.vectorStore();
        return switch (store.kind()) {
            case "lucene" -> {
                try {
                    Files.createDirectories(store.dir());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the vector index directory " + store.dir(), e);
                }
                yield new LuceneVectorStore(store.dir());
            }
            case "qdrant" -> new QdrantVectorStore(store.qdrantUrl().orElseThrow(() -> new IllegalStateException(
                    "enrichment.vector-store.kind=qdrant needs enrichment.vector-store.qdrant-url")),
                    store.qdrantApiKey().orElse(null), store.qdrantCollection(), Embedder.DIMENSION);
            default -> throw new IllegalStateException("enrichment.vector-store.kind must be lucene or qdrant, not " + store.kind());
        };
    }

    void close(@Disposes VectorStore store) {
        store.close();
    }

    @Produces
    @ApplicationScoped
    Momentum momentum(EnrichmentConfig config) {
        EnrichmentConfig.Trends trends = config.trends();
        return new Momentum(trends.window(), trends.advance(), trends.baselineWindows(), trends.minCount(), trends.minScore());
    }

    private static Optional<ExternalInterest> externalInterest(EnrichmentConfig.Wikipedia wikipedia) {
        return wikipedia.enabled() ? Optional.of(new WikipediaPageviews(wikipedia.baseUrl(), wikipedia.project(),
                wikipedia.userAgent(), wikipedia.cacheFor(), Clock.systemUTC())) : Optional.empty();
    }

    @Produces
    @ApplicationScoped
    IndexRestore indexRestore(Enricher enricher, VectorStore store,
                              @Identifier("default-kafka-broker") Map<String, Object> kafka,
                              @ConfigProperty(name = "mp.messaging.incoming.scored-leads.group.id") String groupId,
                              @ConfigProperty(name = "mp.messaging.incoming.scored-leads.topic") String leadsTopic,
                              @ConfigProperty(name = "mp.messaging.incoming.engagement.topic") String engagementTopic) {
        return new IndexRestore(KafkaClientSettings.of(kafka), groupId, leadsTopic, engagementTopic, enricher, store);
    }

    @Produces
    @ApplicationScoped
    Enricher enricher(EnrichmentConfig config, Embedder embedder, VectorStore store, Momentum momentum, TrendBoards boards) {
        EnrichmentConfig.Lookalike lookalike = config.lookalike();
        return new Enricher(new LeadSignals(Fingerprints.builtInAnd(config.fingerprints().file())),
                new TrendSignals(boards::board, momentum, externalInterest(config.trends().wikipedia())), embedder, store,
                new Lookalikes(store, lookalike.minSimilarity(), lookalike.neighbours()), lookalike.reEnrichLimit());
    }
}
