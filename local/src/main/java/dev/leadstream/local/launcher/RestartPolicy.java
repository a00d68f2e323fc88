package dev.leadstream.local.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to start a dead process again: after 1 s, then twice as long for each death in the window,
 * at most 30 s; never again once it died {@code maxDeaths} times within the window, since a
 * process that cannot stay up needs a person, not a faster loop.
 */
public final class RestartPolicy {

    public static final int MAX_DEATHS = 5;
    public static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final int maxDeaths;
    private final Duration window;
    private final Deque<Instant> deaths = new ArrayDeque<>();
    private int restarts;

    public RestartPolicy() {
        this(MAX_DEATHS, WINDOW);
    }

    public RestartPolicy(int maxDeaths, Duration window) {
        this.maxDeaths = maxDeaths;
        this.window = window;
    }

    /** Records a death at {@code now}; the delay before the restart, or empty to give up. */
    public Optional<Duration> died(Instant now) {
        deaths.addLast(now);
        while (deaths.peekFirst().isBefore(now.minus(window))) {
            deaths.removeFirst();
        }
        if (deaths.size() >= maxDeaths) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(deaths.size() - 1, 5));
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    public void restarted() {
        restarts++;
    }

    public int restarts() {
        return restarts;
    }

    /** Deaths within the window, for the message when giving up. */
    public int recentDeaths() {
        return deaths.size();
    }

    public Duration window() {
        return window;
    }
}
