package dev.leadstream.persona.writer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstructionTest {

    @Test
    void theKnownInstructionsAreUnderstoodAlone() {
        assertThat(Instruction.parse("Shorter").length()).isEqualTo(-1);
        assertThat(Instruction.parse("make it longer").length()).isEqualTo(1);
        assertThat(Instruction.parse("more formal").register()).isEqualTo(Instruction.FORMAL);
        assertThat(Instruction.parse("less formal").register()).isEqualTo(Instruction.FRIENDLY);
        assertThat(Instruction.parse("friendlier").register()).isEqualTo(Instruction.FRIENDLY);
        assertThat(Instruction.parse("mention their second shop").mention()).isEqualTo("their second shop");
        assertThat(Instruction.parse(null)).isEqualTo(Instruction.NONE);
    }

    @Test
    void combinedInstructionsAreEachFollowedAndTheRestIsKept() {
        Instruction i = Instruction.parse("shorter, more formal and write it as a poem");
        assertThat(i.length()).isEqualTo(-1);
        assertThat(i.register()).isEqualTo(Instruction.FORMAL);
        assertThat(i.notUnderstood()).containsExactly("write it as a poem");
    }

    @Test
    void aMentionKeepsItsOwnAndAndGivesTheWordsWorthMatching() {
        Instruction i = Instruction.parse("mention the bread and the cakes");
        assertThat(i.mention()).isEqualTo("the bread and the cakes");
        assertThat(i.mentionWords()).containsExactly("bread", "cakes");
        assertThat(i.notUnderstood()).isEmpty();
    }
}
