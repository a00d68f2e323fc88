package dev.leadstream.hitl.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An unknown name must cost the same hash as a wrong password: counted, not timed. */
class PasswordCheckTest {

    private final AtomicInteger hashes = new AtomicInteger();
    private final String stored = Passwords.hash("the-right-password".toCharArray());
    private final PasswordCheck check = new PasswordCheck((password, hash) -> {
        hashes.incrementAndGet();
        return Passwords.matches(password, hash);
    }, PasswordCheck.pbkdf2().dummyHash());

    @Test
    void anUnknownAccountIsRefusedAfterComputingAHash() {
        assertThat(check.matches("the-right-password".toCharArray(), Optional.empty())).isFalse();
        assertThat(hashes).hasValue(1);
    }

    @Test
    void aKnownAccountComputesExactlyOneHashWhetherThePasswordIsRightOrWrong() {
        assertThat(check.matches("wrong".toCharArray(), Optional.of(stored))).isFalse();
        assertThat(hashes).hasValue(1);
        assertThat(check.matches("the-right-password".toCharArray(), Optional.of(stored))).isTrue();
        assertThat(hashes).hasValue(2);
    }

    @Test
    void theDummyHashCostsWhatARealOneCosts() {
        String[] dummy = PasswordCheck.pbkdf2().dummyHash().split("\\$");
        String[] real = stored.split("\\$");
        assertThat(dummy[0]).isEqualTo("pbkdf2-sha256");
        assertThat(dummy[1]).as("iterations").isEqualTo(real[1]);
        assertThat(dummy[2]).as("a salt of its own").isNotEqualTo(real[2]);
    }
}
