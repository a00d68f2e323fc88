package dev.leadstream.enrichment.lookalike;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every vector store must do, run against each implementation: the embedded Lucene index
 * always, Qdrant where a server can be reached. Vectors are random but seeded, and similarities
 * are checked against cosine computed here, so both stores must mean the same by a score.
 */
abstract class VectorStoreContract {

    static final int DIMENSION = 384;

    protected VectorStore store;

    /** A store for this test, empty; {@link #reopen()} must see what it stored. */
    protected abstract VectorStore open();

    protected abstract VectorStore reopen();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anUpsertedVectorComesBackWithItsPayloadAndReplacesTheOneBefore() {
        float[] first = vector(1);
        float[] second = vector(2);
        store.upsert(List.of(new VectorStore.Entry("rose.test", first, Map.of("engaged", "false", "name", "Rose"))));
        store.upsert(List.of(new VectorStore.Entry("rose.test", second, Map.of("engaged", "true", "name", "Rose Bakery"))));

        VectorStore.Entry stored = store.get("rose.test").orElseThrow();
        assertThat(stored.vector()).containsExactly(second, within(1e-6f));
        assertThat(stored.payload()).containsEntry("engaged", "true").containsEntry("name", "Rose Bakery");
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.get("nobody.test")).isEmpty();
    }

    @Test
    void nearestReturnsTheMostSimilarFirstWithTheirCosineSimilarity() {
        float[] query = vector(10);
        List<VectorStore.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new VectorStore.Entry("lead-" + i + ".test", blend(query, vector(100 + i), i / 30.0f), Map.of("engaged", "true")));
        }
        store.upsert(entries);

        List<VectorStore.Hit> hits = store.nearest(query, 5, Map.of(), null);
        assertThat(hits).extracting(VectorStore.Hit::id)
                .containsExactly("lead-0.test", "lead-1.test", "lead-2.test", "lead-3.test", "lead-4.test");
        for (VectorStore.Hit hit : hits) {
            float[] stored = entries.get(Integer.parseInt(hit.id().replaceAll("\\D", ""))).vector();
            assertThat(hit.similarity()).isCloseTo(cosine(query, stored), within(1e-3));
        }
        assertThat(hits.getFirst().similarity()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void nearestKeepsToThePayloadAskedForAndLeavesOutTheExcludedId() {
        float[] query = vector(20);
        store.upsert(List.of(
                new VectorStore.Entry("self.test", query, Map.of("engaged", "true")),
                new VectorStore.Entry("close-but-silent.test", blend(query, vector(21), 0.1f), Map.of("engaged", "false")),
                new VectorStore.Entry("replied.test", blend(query, vector(22), 0.4f), Map.of("engaged", "true", "outcome", "replied")),
                new VectorStore.Entry("far.test", vector(23), Map.of("engaged", "true"))));

        List<VectorStore.Hit> hits = store.nearest(query, 10, Map.of("engaged", "true"), "self.test");
        assertThat(hits).extracting(VectorStore.Hit::id).containsExactly("replied.test", "far.test");
        assertThat(hits.getFirst().payload()).containsEntry("outcome", "replied");
        assertThat(store.nearest(query, 10, Map.of("engaged", "true", "outcome", "replied"), null))
                .extracting(VectorStore.Hit::id).containsExactly("replied.test");
    }

    @Test
    void whatWasStoredIsThereAfterTheStoreIsOpenedAgain() {
        store.upsert(List.of(new VectorStore.Entry("kept.test", vector(30), Map.of("engaged", "true"))));
        store.flush();
        store.close();
        store = reopen();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.nearest(vector(30), 1, Map.of(), null)).extracting(VectorStore.Hit::id).containsExactly("kept.test");
    }

    static float[] vector(long seed) {
        Random random = new Random(seed);
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalised(v);
    }

    /** {@code a} moved towards {@code b} by {@code share}: the larger the share, the less alike. */
    static float[] blend(float[] a, float[] b, float share) {
        float[] v = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            v[i] = (1 - share) * a[i] + share * b[i];
        }
        return normalised(v);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
