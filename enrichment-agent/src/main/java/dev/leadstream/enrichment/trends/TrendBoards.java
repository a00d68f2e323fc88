package dev.leadstream.enrichment.trends;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.Optional;

/** Reads trend boards from the topology's global table, waiting for it while the app starts. */
@ApplicationScoped
public class TrendBoards {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private volatile ReadOnlyKeyValueStore<String, TrendBoard> store;

    public TrendBoards(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<TrendBoard> board(String key) {
        return Optional.ofNullable(store().get(key));
    }

    private ReadOnlyKeyValueStore<String, TrendBoard> store() {
        if (store != null) {
            return store;
        }
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (true) {
            try {
                store = streams.store(StoreQueryParameters.fromNameAndType(TrendTopology.BOARD_STORE,
                        QueryableStoreTypes.keyValueStore()));
                return store;
            } catch (InvalidStateStoreException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the trend topology did not start within " + STARTUP_WAIT
                            + " (state " + streams.state() + ")", e);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the trend topology", e);
        }
    }
}
