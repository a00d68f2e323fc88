package dev.leadstream.hitl.service;

import dev.leadstream.hitl.service.AgentLiveness.GroupHealth;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLivenessTest {

    @Test
    void aGroupWithoutMembersIsDownWhateverItsSuccessRate() {
        assertThat(AgentLiveness.status(Optional.of(new GroupHealth("persona-agent", 0, 7, true)), 0)).isEqualTo("down");
        assertThat(AgentLiveness.status(Optional.of(new GroupHealth("persona-agent", 0, 0, true)), 3)).isEqualTo("down");
        assertThat(AgentLiveness.status(Optional.of(new GroupHealth("persona-agent", 0, -1, false)), 0)).isEqualTo("down");
    }

    @Test
    void aRunningAgentWithRecentDeadLettersIsDeadLettering() {
        assertThat(AgentLiveness.status(Optional.of(new GroupHealth("outreach-agent", 1, 0, true)), 2)).isEqualTo("dead-lettering");
        assertThat(AgentLiveness.status(Optional.of(new GroupHealth("outreach-agent", 2, 40, true)), 0)).isEqualTo("up");
    }

    @Test
    void withoutTheBrokersAnswerOnlyDeadLettersAreKnown() {
        assertThat(AgentLiveness.status(Optional.empty(), 0)).isEqualTo("unknown");
        assertThat(AgentLiveness.status(Optional.empty(), 1)).isEqualTo("dead-lettering");
    }
}
