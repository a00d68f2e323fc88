package dev.leadstream.persona.writer.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptRecordTest {

    @Test
    void aPromptWithinTheLimitIsKeptWholeALongerOneAsItsBeginningWithLengthAndHash() {
        assertThat(PromptRecord.of("short", 10)).isEqualTo("short");
        assertThat(PromptRecord.of("abcdefghijklmnop", 10)).isEqualTo("abcdefghij\n… [prompt cut: 16 characters in all, sha256 "
                + "f39dac6cbaba535e2c207cd0cd8f154974223c848f727f98b3564cea569b41cf]");
    }
}
