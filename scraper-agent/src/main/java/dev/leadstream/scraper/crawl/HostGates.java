package dev.leadstream.scraper.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness: at most {@code perHost} requests in flight to one host, and request starts
 * spaced by the host's delay (the configured delay, or robots.txt's Crawl-delay when longer).
 * Waiting happens on the caller's (virtual) thread.
 */
final class HostGates {

    private final int perHost;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    HostGates(int perHost) {
        this.perHost = perHost;
    }

    /** Blocks until a request to {@code host} may start; the returned permit must be closed. */
    Permit enter(String host, Duration delay) throws InterruptedException {
        Gate gate = gates.computeIfAbsent(host, h -> new Gate(new Semaphore(perHost)));
        gate.inFlight.acquire();
        try {
            gate.waitTurn(delay.toNanos());
        } catch (InterruptedException e) {
            gate.inFlight.release();
            throw e;
        }
        return gate.inFlight::release;
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Gate {
        final Semaphore inFlight;
        private long nextStart = System.nanoTime();

        Gate(Semaphore inFlight) {
            this.inFlight = inFlight;
        }

        void waitTurn(long delayNanos) throws InterruptedException {
            long start;
            synchronized (this) {
                start = Math.max(System.nanoTime(), nextStart);
                nextStart = start + delayNanos;
            }
            long wait = start - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }
}
