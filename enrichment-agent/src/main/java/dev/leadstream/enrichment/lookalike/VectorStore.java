package dev.leadstream.enrichment.lookalike;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lead profiles as vectors, each with a small payload of strings, searched by cosine similarity.
 * Two implementations keep the same contract (see the contract tests): an embedded Lucene HNSW
 * index on disk for one machine, and Qdrant for deployments.
 */
public interface VectorStore extends AutoCloseable {

    /** Adds the vector, or replaces the one stored under the same id. */
    void upsert(List<Entry> entries);

    Optional<Entry> get(String id);

    /**
     * The {@code k} stored vectors most similar to {@code vector}, best first, among those whose
     * payload holds every key and value of {@code where}, leaving out {@code excludeId}.
     */
    List<Hit> nearest(float[] vector, int k, Map<String, String> where, String excludeId);

    long count();

    /** Makes everything upserted so far durable. */
    void flush();

    @Override
    void close();

    record Entry(String id, float[] vector, Map<String, String> payload) {
        public Entry {
            payload = Map.copyOf(payload);
        }
    }

    /** A stored vector and its cosine similarity (-1 to 1) to the query. */
    record Hit(String id, double similarity, Map<String, String> payload) {
    }
}
