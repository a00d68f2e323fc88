package dev.leadstream.persona.writer.llm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnswerReaderTest {

    private final WritingTask task = WritingTask.of(Briefs.brief());
    private final Set<String> facts = Set.of("lead:name", "lead:description", "lead:city", "campaign:v1", "sender:name");

    @Test
    void readsAnAnswerInACodeFenceWithProseTrailingCommasAndASingleFactIdWhereAListBelongs() {
        String answer = Briefs.answer(Briefs.groundedStatements())
                .replaceFirst("\"factIds\" : \\[ \"lead:name\" \\]", "\"factIds\" : \"lead:name\"");
        Answer read = AnswerReader.read("Here you are:\n```json\n" + answer.replaceFirst("\\]\\s*}\\s*$", "],}") + "\n```", task, facts);

        assertThat(read.messages()).hasSize(8);
        assertThat(read.messages().getFirst().statements().getFirst().factIds()).containsExactly("lead:name");
        assertThat(read.messages().get(4).hashtags()).containsExactly("sourdough", "bakery");
    }

    @Test
    void everyMessageAskedForMustBeThere() {
        String answer = Briefs.answer(Briefs.groundedStatements()).replace("\"variant\" : \"b\"", "\"variant\" : \"a\"");
        InvalidAnswerException invalid = catchThrowableOfType(InvalidAnswerException.class, () -> AnswerReader.read(answer, task, facts));
        assertThat(invalid.problems()).contains("missing: email step 0 variant b", "message 2 (email step 0 variant a) is given twice");
    }

    @Test
    void aClaimMustCiteAFactOfTheBriefWhileACourtesyMayCiteNone() {
        String answer = Briefs.answer(List.of(
                new Answer.Statement("Thanks for reading.", "courtesy", List.of()),
                new Answer.Statement("You are the best bakery in town.", "lead", List.of()),
                new Answer.Statement("Your reviews are glowing.", "lead", List.of("lead:reviews"))));
        InvalidAnswerException invalid = catchThrowableOfType(InvalidAnswerException.class, () -> AnswerReader.read(answer, task, facts));
        assertThat(invalid.problems()).contains(
                "message 1 (email step 0 variant a) statement 2: cites no fact, and only a courtesy statement may",
                "message 1 (email step 0 variant a) statement 3: cites lead:reviews, which is no fact of the brief")
                .noneMatch(p -> p.contains("statement 1"));
    }

    @Test
    void anAnswerWithoutMessagesOrJsonIsRefusedWithTheReason() {
        assertThatThrownBy(() -> AnswerReader.read("I cannot help with that.", task, facts)).hasMessageContaining("no JSON object");
        assertThatThrownBy(() -> AnswerReader.read("{\"content\": \"hi\"}", task, facts)).hasMessageContaining("no \"messages\" array");
        assertThatThrownBy(() -> AnswerReader.read(null, task, facts)).hasMessageContaining("empty");
    }
}
