package dev.leadstream.relay.wake;

import java.util.concurrent.TimeUnit;

/** A wake-up call one thread leaves for another; it is kept until taken, so none is lost between two waits. */
final class Wakeup {

    /** The longest one wait lasts, so that the waiting thread notices a stop within it. */
    private static final long SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private boolean pending;

    synchronized void wake() {
        pending = true;
        notifyAll();
    }

    /**
     * Waits until called, until {@code deadline} ({@link System#nanoTime()}) or for a second,
     * whichever comes first; true when called, and the call is taken.
     */
    synchronized boolean awaitUntil(long deadline) throws InterruptedException {
        long until = Math.min(deadline, System.nanoTime() + SLICE_NANOS);
        while (!pending) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        pending = false;
        return true;
    }
}
