package dev.leadstream.local.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void waitsLongerAfterEachDeathInTheWindowUpToThirtySeconds() {
        RestartPolicy policy = new RestartPolicy(100, Duration.ofHours(1));
        assertThat(policy.died(T0)).contains(Duration.ofSeconds(1));
        assertThat(policy.died(T0.plusSeconds(10))).contains(Duration.ofSeconds(2));
        assertThat(policy.died(T0.plusSeconds(20))).contains(Duration.ofSeconds(4));
        assertThat(policy.died(T0.plusSeconds(30))).contains(Duration.ofSeconds(8));
        assertThat(policy.died(T0.plusSeconds(40))).contains(Duration.ofSeconds(16));
        assertThat(policy.died(T0.plusSeconds(50))).contains(Duration.ofSeconds(30));
        assertThat(policy.died(T0.plusSeconds(60))).contains(Duration.ofSeconds(30));
    }

    @Test
    void givesUpOnTheFifthDeathWithinTwoMinutes() {
        RestartPolicy policy = new RestartPolicy();
        for (int i = 0; i < 4; i++) {
            assertThat(policy.died(T0.plusSeconds(20L * i))).isPresent();
        }
        assertThat(policy.died(T0.plusSeconds(100))).isEmpty();
        assertThat(policy.recentDeaths()).isEqualTo(5);
    }

    @Test
    void deathsOlderThanTheWindowAreForgiven() {
        RestartPolicy policy = new RestartPolicy();
        for (int i = 0; i < 4; i++) {
            policy.died(T0.plusSeconds(i));
        }
        // three minutes later the earlier deaths no longer count: a fresh first delay, no giving up
        Optional<Duration> delay = policy.died(T0.plus(Duration.ofMinutes(3)));
        assertThat(delay).contains(Duration.ofSeconds(1));
        assertThat(policy.recentDeaths()).isEqualTo(1);
    }
}
