package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.TextRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Percent-decoding of paths and queries, strict where a browser or curl can send anything. */
class RequestGuardTest {

    @Test
    void wellFormedEscapesDecodeAsUtf8() {
        assertThat(RequestGuard.decodeOrNull("caf%C3%A9+cr%C3%A8me", true)).isEqualTo("café crème");
        assertThat(RequestGuard.decodeOrNull("a+b", false)).isEqualTo("a+b");
    }

    @Test
    void brokenEscapesAndBytesThatAreNotUtf8DecodeToNothing() {
        assertThat(RequestGuard.decodeOrNull("%ZZ", true)).isNull();
        assertThat(RequestGuard.decodeOrNull("abc%2", true)).isNull();
        assertThat(RequestGuard.decodeOrNull("%C3%28", true)).isNull();
        assertThat(RequestGuard.decodeOrNull("%E2%82", true)).isNull();
        assertThat(RequestGuard.decodeOrNull("%FF", true)).isNull();
    }

    @Test
    void nulDecodesSoTheTextRulesCanRefuseIt() {
        assertThat(TextRules.invalid(RequestGuard.decodeOrNull("a%00b", false))).contains("NUL");
        assertThat(TextRules.invalid("tab\tand\nline")).isNull();
        assertThat(TextRules.invalid("\ud83c\udf5e bread")).isNull();
        assertThat(TextRules.invalid("half \ud83c")).contains("surrogate");
    }
}
