package dev.leadstream.enrichment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The one thread that enriches: batches of scored leads and engagement events take turns on it, so
 * the vector store sees one writer and the event loop never waits on the model.
 */
@ApplicationScoped
public class EnrichmentWorker {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "enrichment-worker");
        worker.setDaemon(true);
        return worker;
    });

    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(thread);
    }

    @PreDestroy
    void stop() {
        thread.shutdown();
    }
}
