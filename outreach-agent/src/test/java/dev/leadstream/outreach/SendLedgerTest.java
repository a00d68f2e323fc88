package dev.leadstream.outreach;

import dev.leadstream.outreach.ledger.SendLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SendLedgerTest {

    @Test
    void aKeyIsClaimedOnceEvenAcrossARestart(@TempDir Path dir) {
        SendLedger ledger = new SendLedger(dir);
        assertThat(ledger.begin("d1:v1:email")).isTrue();
        assertThat(ledger.begin("d1:v1:email")).isFalse();
        ledger.sent("d1:v1:email");
        assertThat(ledger.begin("d2:v1:email")).isTrue();

        // a crash after claiming d2 but before confirming it: the new process must not send it again
        SendLedger afterCrash = new SendLedger(dir);
        assertThat(afterCrash.stateOf("d1:v1:email")).isEqualTo(SendLedger.State.SENT);
        assertThat(afterCrash.stateOf("d2:v1:email")).isEqualTo(SendLedger.State.PENDING);
        assertThat(afterCrash.begin("d2:v1:email")).isFalse();
        assertThat(afterCrash.begin("d3:v1:email")).isTrue();
    }

    @Test
    void aReleasedClaimCanBeTakenAgainEvenAfterARestart(@TempDir Path dir) {
        SendLedger ledger = new SendLedger(dir);
        assertThat(ledger.begin("d1:v1:email")).isTrue();
        ledger.release("d1:v1:email");

        SendLedger afterRestart = new SendLedger(dir);
        assertThat(afterRestart.stateOf("d1:v1:email")).isNull();
        assertThat(afterRestart.begin("d1:v1:email")).isTrue();
        assertThat(new SendLedger(dir).stateOf("d1:v1:email")).isEqualTo(SendLedger.State.PENDING);
    }
}
