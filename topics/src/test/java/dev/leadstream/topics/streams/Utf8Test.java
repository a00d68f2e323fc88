package dev.leadstream.topics.streams;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    @Test
    void wellFormedTextInEveryLengthPasses() {
        assertThat(Utf8.firstMalformed("a é € 𝄞 Zoë's Café".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void findsTheFirstMalformedSequence() {
        assertThat(Utf8.firstMalformed(new byte[] {'a', (byte) 0xC3, 0x28})).isEqualTo(1);
        assertThat(Utf8.firstMalformed(new byte[] {'a', 'b', (byte) 0xFF})).isEqualTo(2);
        // overlong encoding of '/', a lone surrogate, a truncated 3-byte sequence
        assertThat(Utf8.firstMalformed(new byte[] {(byte) 0xC0, (byte) 0xAF})).isZero();
        assertThat(Utf8.firstMalformed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isZero();
        assertThat(Utf8.firstMalformed(new byte[] {'x', (byte) 0xE2, (byte) 0x82})).isEqualTo(1);
    }
}
