package dev.leadstream.enrichment.messaging;

import dev.leadstream.enrichment.lookalike.IndexRestore;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The one thread that enriches: batches of scored leads and engagement events take turns on it, so
 * the vector store sees one writer and the event loop never waits on the model. Its first task
 * restores an empty lookalike index from the topics, so nothing is enriched against a partial one.
 */
@ApplicationScoped
@Startup
public class EnrichmentWorker {

    private static final Logger LOG = Logger.getLogger(EnrichmentWorker.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "enrichment-worker");
        worker.setDaemon(true);
        return worker;
    });

    public EnrichmentWorker(IndexRestore restore) {
        thread.submit(() -> {
            try {
                IndexRestore.Result result = restore.restoreIfEmpty();
                if (!result.restored()) {
                    LOG.debugf("lookalike index not restored: %s", result.reason());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not restore the lookalike index from the topics; lookalikes miss what it held");
            }
        });
    }

    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(thread);
    }

    @PreDestroy
    void stop() {
        thread.shutdown();
    }
}
