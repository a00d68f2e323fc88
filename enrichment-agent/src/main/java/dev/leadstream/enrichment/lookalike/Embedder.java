package dev.leadstream.enrichment.lookalike;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns profile texts into vectors with the quantized all-MiniLM-L6-v2 model, in process and
 * offline. The model's default executor takes every core; this one is bounded so a small machine
 * keeps room for the broker and the other agents.
 */
public final class Embedder implements AutoCloseable {

    public static final int DIMENSION = 384;
    public static final String MODEL = "all-minilm-l6-v2-q";

    private final ExecutorService executor;
    private final EmbeddingModel model;

    public Embedder(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "embedding-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
