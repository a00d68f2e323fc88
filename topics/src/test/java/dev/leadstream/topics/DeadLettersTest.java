package dev.leadstream.topics;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLettersTest {

    @Test
    void anIdMustBePresentNotBlankAndShort() {
        assertThat(DeadLetters.requireId("leadId", "rose.test")).isEqualTo("rose.test");
        assertThatThrownBy(() -> DeadLetters.requireId("leadId", null)).hasMessage("the record has no leadId");
        assertThatThrownBy(() -> DeadLetters.requireId("leadId", " \t\u00a0")).hasMessage("the record has no leadId");
        assertThatThrownBy(() -> DeadLetters.requireKey("x".repeat(257)))
                .hasMessage("the record's key is 257 characters long, over the limit of 256");
    }

    @Test
    void aValueThatIsNotUtf8IsRefusedAndUtf8PassesAsItIs() {
        byte[] valid = "{\"name\":\"Café\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(DeadLetters.requireUtf8(valid)).isSameAs(valid);
        assertThatThrownBy(() -> DeadLetters.requireUtf8(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}))
                .hasMessage("the value is not UTF-8");
    }

    @Test
    void connectionsTimeoutsAndRetriableBrokerErrorsAreTransientAndBadDataIsNot() {
        assertThat(DeadLetters.isTransient(new IllegalStateException("send failed", new ConnectException("refused")))).isTrue();
        assertThat(DeadLetters.isTransient(new NotLeaderOrFollowerException("moving"))).isTrue();
        assertThat(DeadLetters.isTransient(new RecordTooLargeException("too large"))).isFalse();
        assertThat(DeadLetters.isTransient(malformed("{"))).isFalse();
        assertThat(DeadLetters.isTransient(new IllegalArgumentException("the record has no leadId"))).isFalse();
    }

    private static Throwable malformed(String json) {
        try {
            EventJson.read(json, Object.class);
        } catch (EventJson.MalformedEventException e) {
            return e;
        }
        throw new AssertionError("expected " + json + " to be malformed");
    }
}
