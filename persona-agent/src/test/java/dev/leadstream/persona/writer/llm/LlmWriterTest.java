package dev.leadstream.persona.writer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.grounding.GroundingGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.leadstream.persona.writer.llm.FakeChatCompletions.answer;
import static dev.leadstream.persona.writer.llm.FakeChatCompletions.late;
import static dev.leadstream.persona.writer.llm.FakeChatCompletions.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LLM writer against a real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions
 * API ({@link FakeChatCompletions}), scripted per test: a good answer, an invented claim,
 * malformed JSON, 429 and 5xx, and a server too slow to answer.
 */
class LlmWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeChatCompletions server = new FakeChatCompletions();
    private final Briefs.CountingWriter fallback = new Briefs.CountingWriter();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmWriter writer(Duration timeout, int breakerThreshold, Duration coolDown) {
        ModelEndpoint endpoint = new ModelEndpoint(LlmProvider.OPENAI, server.baseUrl(), "gpt-test", "sk-test-secret",
                0.4, 2048, timeout, true);
        return new LlmWriter(endpoint, ChatModels.of(endpoint),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)),
                new CircuitBreaker(breakerThreshold, coolDown, Clock.systemUTC()), fallback);
    }

    private LlmWriter writer() {
        return writer(Duration.ofSeconds(10), 3, Duration.ofMinutes(1));
    }

    @Test
    void aGoodAnswerBecomesMessagesOfStatementsCitingTheBriefsFactsWithItsTokensRecorded() throws Exception {
        server.then(answer(Briefs.answer(Briefs.groundedStatements()), 1200, 800));

        Written written = writer().write(Briefs.brief());

        assertThat(written.messages()).hasSize(8);
        Draft.Message first = written.messages().getFirst();
        assertThat(first.variantId()).isEqualTo("spring:email:0:llm-a");
        assertThat(first.to()).isEqualTo("hello@rose.test");
        assertThat(first.subject()).isEqualTo("Fresh ideas for Rose Bakery");
        assertThat(first.text()).startsWith("Hello Rose Bakery team,\n\nYour sourdough is baked daily in Leeds. Our ordering app")
                .contains("Best regards, Ana Silva").contains(Draft.Message.UNSUBSCRIBE_PLACEHOLDER);
        assertThat(first.html()).contains("<p>Hello Rose Bakery team,</p>").contains(Draft.Message.UNSUBSCRIBE_PLACEHOLDER);
        assertThat(first.statements()).extracting(Draft.Statement::factIds).containsExactly(List.of("lead:name"),
                List.of("lead:description", "lead:city"), List.of("campaign:v1"), List.of("sender:name"), List.of("sender:postalAddress"));
        assertThat(GroundingGate.checkAll(first.statements(), Briefs.FACTS, "en"))
                .allMatch(s -> s.status().equals(Draft.Statement.SUPPORTED));
        Draft.Message followUpPost = written.messages().stream()
                .filter(m -> m.channel().equals("instagram") && m.step() == 1).findFirst().orElseThrow();
        assertThat(followUpPost.dayOffset()).isEqualTo(3);
        assertThat(followUpPost.to()).isNull();
        assertThat(followUpPost.hashtags()).containsExactly("sourdough", "bakery");

        Draft.Generation generation = written.generation();
        assertThat(generation.writer()).isEqualTo("llm");
        assertThat(generation.model()).isEqualTo(FakeChatCompletions.MODEL);
        assertThat(generation.temperature()).isEqualTo(0.4);
        assertThat(generation.promptTokens()).isEqualTo(1200);
        assertThat(generation.completionTokens()).isEqualTo(800);
        assertThat(generation.attempts()).isEqualTo(1);
        assertThat(generation.fallbackReason()).isNull();
        assertThat(generation.examples()).containsExactly("example-7");
        assertThat(generation.prompt()).contains("\"id\" : \"lead:description\"").contains("styleExamples");
        assertThat(fallback.calls).hasValue(0);

        JsonNode request = JSON.readTree(server.received().getFirst().body());
        assertThat(request.path("model").asText()).isEqualTo("gpt-test");
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(server.received().getFirst().headers().get("authorization")).containsExactly("Bearer sk-test-secret");
    }

    @Test
    void contactFactsAndTheApiKeyStayOutOfThePromptAndTheEndpointsDescription() {
        server.then(answer(Briefs.answer(Briefs.groundedStatements()), 10, 10));

        Written written = writer().write(Briefs.brief());

        assertThat(server.received().getFirst().body()).doesNotContain("hello@rose.test").doesNotContain("+441130000000")
                .doesNotContain("sk-test-secret");
        assertThat(written.generation().prompt()).doesNotContain("hello@rose.test");
        assertThat(new ModelEndpoint(LlmProvider.OPENAI, null, "gpt-test", "sk-test-secret", 0.4, 10, Duration.ofSeconds(1), true))
                .hasToString("OPENAI gpt-test at https://api.openai.com/v1 (with an API key)");
    }

    @Test
    void anInventedClaimReachesTheGateWhichMarksItUnsupported() {
        List<Answer.Statement> withInvention = List.of(
                new Answer.Statement("Hello Rose Bakery team,", "courtesy", List.of("lead:name")),
                new Answer.Statement("Rose Bakery has been award-winning since 1990.", "lead", List.of("lead:name")),
                new Answer.Statement("Our ordering app takes orders online.", "offering", List.of("campaign:v1")));
        server.then(answer(Briefs.answer(withInvention), 100, 100));

        Written written = writer().write(Briefs.brief());

        assertThat(written.generation().writer()).isEqualTo("llm");
        List<Draft.Statement> checked = GroundingGate.checkAll(written.messages().getFirst().statements(), Briefs.FACTS, "en");
        assertThat(checked).filteredOn(s -> s.status().equals(Draft.Statement.UNSUPPORTED)).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("Rose Bakery has been award-winning since 1990.");
            assertThat(s.reason()).contains("1990");
        });
    }

    @Test
    void malformedJsonGetsOneRepairRequestAndThenTheFallbackWrites() {
        server.then(answer("```json\n{\"messages\": [{\"channel\": \"email\" \"step\": 0}]}\n```", 300, 20),
                answer("Sorry, here it is: messages: none", 400, 10));

        Written written = writer().write(Briefs.brief());

        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(1).body()).contains("That answer cannot be used").contains("not valid JSON");
        assertThat(fallback.calls).hasValue(1);
        Draft.Generation generation = written.generation();
        assertThat(generation.writer()).isEqualTo("deterministic");
        assertThat(generation.model()).isEqualTo("plain-v1");
        assertThat(generation.attempts()).isEqualTo(2);
        assertThat(generation.promptTokens()).isEqualTo(700);
        assertThat(generation.fallbackReason()).startsWith("llm gpt-test: unusable answer after a repair request");
        assertThat(written.messages()).extracting(Draft.Message::variantId).containsExactly("spring:email:0:plain");
    }

    @Test
    void anAnswerCitingAFactTheBriefLacksIsRepairedAndTheRepairIsUsed() {
        List<Answer.Statement> citingUnknown = List.of(
                new Answer.Statement("Your reviews are glowing.", "lead", List.of("lead:reviews")));
        server.then(answer(Briefs.answer(citingUnknown), 100, 50), answer(Briefs.answer(Briefs.groundedStatements()), 150, 60));

        Written written = writer().write(Briefs.brief());

        assertThat(server.received().get(1).body()).contains("cites lead:reviews, which is no fact of the brief");
        assertThat(written.generation().writer()).isEqualTo("llm");
        assertThat(written.generation().attempts()).isEqualTo(2);
        assertThat(written.generation().promptTokens()).isEqualTo(250);
        assertThat(written.generation().completionTokens()).isEqualTo(110);
        assertThat(fallback.calls).hasValue(0);
    }

    @Test
    void a429IsWaitedForAsItsRetryAfterSaysAndThenTheAnswerIsUsed() {
        server.then(status(429, Map.of("Retry-After", "1")), answer(Briefs.answer(Briefs.groundedStatements()), 10, 10));

        long started = System.nanoTime();
        Written written = writer().write(Briefs.brief());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(written.generation().writer()).isEqualTo("llm");
        assertThat(written.generation().attempts()).isEqualTo(2);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedUpToTheLimitAndThenTheFallbackWrites() {
        server.then(status(503, Map.of()), status(502, Map.of()), status(500, Map.of()));

        Written written = writer().write(Briefs.brief());

        assertThat(server.received()).hasSize(3);
        assertThat(written.generation().fallbackReason()).isEqualTo("llm gpt-test: HTTP 500 after 3 calls");
        assertThat(written.generation().attempts()).isEqualTo(3);
    }

    @Test
    void anUnreachableServerIsNotRetriedAndTheFallbackWrites() {
        LlmWriter writer = writer();
        server.close();

        Written written = writer.write(Briefs.brief());

        assertThat(written.generation().fallbackReason()).isEqualTo("llm gpt-test: connection refused after 1 call");
        assertThat(fallback.calls).hasValue(1);
    }

    @Test
    void aTimeoutFallsBackAndRepeatedFailuresOpenTheBreakerSoLaterBriefsSkipTheNetworkUntilTheCoolDown() {
        LlmWriter writer = writer(Duration.ofMillis(300), 2, Duration.ofSeconds(2));
        String good = Briefs.answer(Briefs.groundedStatements());
        server.then(late(answer(good, 1, 1), Duration.ofSeconds(3)), late(answer(good, 1, 1), Duration.ofSeconds(3)));

        Written first = writer.write(Briefs.brief());
        Written second = writer.write(Briefs.brief());
        Written third = writer.write(Briefs.brief());

        assertThat(first.generation().fallbackReason()).isEqualTo("llm gpt-test: timeout after 1 call");
        assertThat(second.generation().fallbackReason()).isEqualTo("llm gpt-test: timeout after 1 call");
        assertThat(third.generation().fallbackReason()).startsWith("llm gpt-test: circuit open");
        assertThat(third.generation().attempts()).isZero();
        assertThat(third.generation().prompt()).isNull();
        assertThat(server.received()).hasSize(2);
        assertThat(fallback.calls).hasValue(3);

        server.then(answer(good, 5, 5));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> writer.write(Briefs.brief()).generation().writer().equals("llm"));
        assertThat(server.received()).hasSize(3);
    }
}
