package dev.leadstream.hitl.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SignInPolicyTest {

    private final SignInPolicy policy = new SignInPolicy() {
        public Duration window() { return Duration.ofMinutes(15); }
        public int slowAfter() { return 3; }
        public Duration delay() { return Duration.ofMillis(500); }
        public Duration maxDelay() { return Duration.ofSeconds(8); }
        public int lockAfter() { return 10; }
        public int addressLockAfter() { return 50; }
        public Duration lockFor() { return Duration.ofMinutes(15); }
    };

    @Test
    void theFirstFailuresAreAnsweredAtOnceThenEachWaitsTwiceAsLongUpToTheCap() {
        assertThat(policy.delayAfter(1)).isZero();
        assertThat(policy.delayAfter(3)).isZero();
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(8));
    }
}
