package dev.leadstream.local.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class LeadStreamCliTest {

    @Test
    void aFailureIsTheMessageItself() {
        assertThat(LeadStreamCli.oneLine(new IllegalStateException("outbox-relay stopped while starting; see .leadstream/logs/outbox-relay.log")))
                .isEqualTo("outbox-relay stopped while starting; see .leadstream/logs/outbox-relay.log");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsCause() {
        assertThat(LeadStreamCli.oneLine(new UncheckedIOException(null, new IOException("No space left on device"))))
                .isEqualTo("No space left on device");
        assertThat(LeadStreamCli.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void aMessageOverSeveralLinesBecomesOne() {
        assertThat(LeadStreamCli.oneLine(new IllegalStateException("could not format Kafka storage:\n  bad cluster id\n")))
                .isEqualTo("could not format Kafka storage: bad cluster id ").doesNotContain("\n");
    }
}
