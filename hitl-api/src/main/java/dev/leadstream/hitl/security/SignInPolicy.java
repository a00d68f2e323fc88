package dev.leadstream.hitl.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How repeated failed sign-ins are slowed and then locked ({@code leadstream.sign-in.*}).
 * Failures are counted per account name (known or not) and per source address, within a window.
 */
@ConfigMapping(prefix = "leadstream.sign-in")
public interface SignInPolicy {

    /** Failures counted together: a failure after a quiet window starts the count again. */
    @WithDefault("PT15M")
    Duration window();

    /** Failures answered at once; each further one waits {@link #delay()}, doubled each time. */
    @WithDefault("3")
    int slowAfter();

    @WithDefault("PT0.5S")
    Duration delay();

    @WithDefault("PT8S")
    Duration maxDelay();

    /** Failures of one account name that lock it, even against the right password. */
    @WithDefault("10")
    int lockAfter();

    /** Failures from one source address that lock it, for every account (higher: several people may share it). */
    @WithDefault("50")
    int addressLockAfter();

    /** How long a lock lasts. */
    @WithDefault("PT15M")
    Duration lockFor();

    /** How long the answer to this failure (1 for the first) is held back. */
    default Duration delayAfter(int failures) {
        if (failures <= slowAfter()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - slowAfter() - 1, 30);
        Duration delay = delay().multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay()) > 0 ? maxDelay() : delay;
    }
}
