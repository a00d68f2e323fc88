package dev.leadstream.persona.memory;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Texts into vectors with the quantized all-MiniLM-L6-v2 model, in process and offline (the
 * model enrichment-agent uses). Its default executor takes every core; this one is bounded.
 */
final class Embedder implements AutoCloseable {

    static final int DIMENSION = 384;

    private final ExecutorService executor;
    private final EmbeddingModel model;

    Embedder(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "memory-embedding-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    float[] embed(String text) {
        return model.embed(TextSegment.from(text)).content().vector();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
