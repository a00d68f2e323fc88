package dev.leadstream.local.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorStateTest {

    @TempDir
    Path home;

    @Test
    void statusInAnotherProcessReadsWhatTheSupervisorRecorded() {
        Workspace workspace = Workspace.at(home);
        SupervisorState written = SupervisorState.in(workspace);
        written.recordRestart("scoring-stream", 2);
        written.recordFailure("outbox-relay", "outbox-relay died 5 times in 2 minutes; see .leadstream/logs/outbox-relay.log");

        SupervisorState read = SupervisorState.in(workspace);
        assertThat(read.restarts("scoring-stream")).isEqualTo(2);
        assertThat(read.restarts("hitl-api")).isZero();
        assertThat(read.failure("outbox-relay")).contains("outbox-relay died 5 times in 2 minutes; see .leadstream/logs/outbox-relay.log");
        assertThat(read.failure("scoring-stream")).isEmpty();
    }

    @Test
    void aNewStartForgetsThePreviousRun() {
        Workspace workspace = Workspace.at(home);
        SupervisorState.in(workspace).recordRestart("hitl-api", 3);
        SupervisorState.clear(workspace);
        assertThat(SupervisorState.in(workspace).restarts("hitl-api")).isZero();
    }
}
