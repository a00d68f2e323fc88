package dev.leadstream.persona.writer.llm;

import dev.leadstream.persona.draft.DraftComposer;
import dev.leadstream.persona.draft.DraftRequest;
import dev.leadstream.persona.memory.ContentMemory;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.deterministic.DeterministicWriter;
import dev.leadstream.topics.event.Draft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.leadstream.persona.writer.llm.FakeChatCompletions.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path a selection takes when a model invents a claim: a real HTTP server on 127.0.0.1
 * speaking OpenAI's chat-completions API answers "award-winning since 1990" twice; the gate sends
 * the refusal back to the model once, then cuts the sentence, and the draft says so.
 */
class InventedClaimThroughTheComposerTest {

    private final FakeChatCompletions server = new FakeChatCompletions();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInventedClaimIsSentBackOnceThenCutAndRecordedAsAFinding() {
        String invention = "Rose Bakery has been award-winning since 1990.";
        List<Answer.Statement> statements = List.of(
                new Answer.Statement("Hello Rose Bakery team,", "courtesy", List.of("lead:name")),
                new Answer.Statement(invention, "lead", List.of("lead:name")),
                new Answer.Statement("Best regards, Ana Silva", "courtesy", List.of("sender:name")));
        server.then(answer(Briefs.answer(statements), 100, 100), answer(Briefs.answer(statements), 100, 100));
        ModelEndpoint endpoint = new ModelEndpoint(LlmProvider.OPENAI, server.baseUrl(), "gpt-test", null, 0.4, 2048,
                Duration.ofSeconds(10), true);
        LlmWriter writer = new LlmWriter(endpoint, ChatModels.of(endpoint),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
                new CircuitBreaker(3, Duration.ofMinutes(1), Clock.systemUTC()), new DeterministicWriter());
        Brief brief = Briefs.brief();

        Draft draft = new DraftComposer(writer, ContentMemory.OFF).compose(
                new DraftRequest("decision-1", brief.lead(), List.of(), brief.campaign(), null, null));

        assertThat(draft.generation().writer()).as("the model's answer was used, not the fallback").isEqualTo("llm");
        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(1).body()).as("the second request names what the gate refused")
                .contains("rejectedByTheGate").contains("1990");
        assertThat(draft.messages()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.text()).doesNotContain("1990");
            assertThat(m.statements()).noneMatch(s -> s.text().contains("1990"));
        });
        assertThat(draft.unsupportedStatements()).isEmpty();
        assertThat(draft.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("grounding");
            assertThat(f.message()).contains(invention).contains("1990");
        });
    }
}
