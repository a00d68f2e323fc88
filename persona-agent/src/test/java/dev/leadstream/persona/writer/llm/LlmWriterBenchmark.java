package dev.leadstream.persona.writer.llm;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.StyleExample;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM writer's own cost per draft, model time excluded: the local fake chat-completions
 * server ({@link FakeChatCompletions}, 127.0.0.1) answers at once with a complete answer for a
 * campaign of four channels, three steps and two variants (24 messages, 6 statements each).
 * Timed per draft: prompt building, the HTTP exchange through langchain4j, reading and checking
 * the JSON, and mapping it to messages; and apart, the same work without HTTP. Not a test: run with
 * {@code ./mvnw -B -Pbenchmark verify -pl persona-agent -am -Dtest='LlmWriterBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.drafts}, default 2,000).
 */
class LlmWriterBenchmark {

    private static final int DRAFTS = Integer.getInteger("bench.drafts", 2000);
    private static final int WARM_UP = 300;
    private static final List<String> CHANNELS = List.of("email", "telegram", "instagram", "tiktok");
    private static final List<Campaign.Step> SEQUENCE = List.of(new Campaign.Step(0, 0, "intro"),
            new Campaign.Step(1, 3, "follow-up"), new Campaign.Step(2, 8, "last"));

    @Test
    void perDraftOverheadAgainstAServerThatAnswersAtOnce() {
        List<Answer.Statement> statements = List.of(
                new Answer.Statement("Hello Rose Bakery team,", "courtesy", List.of("lead:name")),
                new Answer.Statement("Your sourdough is baked daily in Leeds.", "lead", List.of("lead:description", "lead:city")),
                new Answer.Statement("Bakeries in Leeds get many of their orders by phone.", "persona", List.of("lead:city")),
                new Answer.Statement("Our ordering app takes orders online.", "offering", List.of("campaign:v1")),
                new Answer.Statement("Shall we find ten minutes next week?", "courtesy", List.of()),
                new Answer.Statement("Best regards, Ana Silva", "courtesy", List.of("sender:name")));
        String answer = Briefs.answer(CHANNELS, SEQUENCE, statements);
        Brief brief = Briefs.brief(CHANNELS, SEQUENCE, List.of(
                new StyleExample("example-1", "email", "Subject: A neighbour's idea for {business}\n\nHello {business} team, ..."),
                new StyleExample("example-2", "telegram", "Hi {business}! Quick question about your orders ...")));

        try (FakeChatCompletions server = new FakeChatCompletions()) {
            ModelEndpoint endpoint = new ModelEndpoint(LlmProvider.OPENAI, server.baseUrl(), "bench", "sk-bench", 0.7, 4096,
                    Duration.ofSeconds(10), true);
            LlmWriter writer = new LlmWriter(endpoint, ChatModels.of(endpoint),
                    new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO),
                    new CircuitBreaker(1_000_000, Duration.ofMinutes(1), Clock.systemUTC()), new Briefs.CountingWriter());

            long[] withHttp = time(DRAFTS, () -> {
                server.then(FakeChatCompletions.answer(answer, 2500, 3000));
                Written written = writer.write(brief);
                assertThat(written.messages()).hasSize(24);
                assertThat(written.generation().writer()).isEqualTo("llm");
            });
            long[] withoutHttp = time(DRAFTS, () -> {
                WritingTask task = WritingTask.of(brief);
                List<Draft.Fact> facts = ContactFacts.withoutContacts(brief.facts());
                Set<String> ids = facts.stream().map(Draft.Fact::id).collect(Collectors.toSet());
                String prompt = WritingPrompt.user(brief, task, facts);
                assertThat(prompt).isNotEmpty();
                assertThat(AnswerMessages.of(AnswerReader.read(answer, task, ids), brief, task)).hasSize(24);
            });
            System.out.printf(Locale.ROOT, "%nLLM writer overhead, %d drafts of 24 messages each, answer %,d characters%n",
                    DRAFTS, answer.length());
            report("prompt + HTTP (langchain4j, JDK client, 127.0.0.1) + parse + map", withHttp);
            report("prompt + parse + map, no HTTP", withoutHttp);
        }
    }

    private static long[] time(int drafts, Runnable draft) {
        for (int i = 0; i < WARM_UP; i++) {
            draft.run();
        }
        long[] nanos = new long[drafts];
        for (int i = 0; i < drafts; i++) {
            long start = System.nanoTime();
            draft.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        double totalSeconds = Arrays.stream(sorted).sum() / 1e9;
        System.out.printf(Locale.ROOT, "%-70s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  %.0f drafts/s%n", what,
                millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                sorted.length / totalSeconds);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
