package dev.leadstream.persona.bench;

import dev.leadstream.persona.memory.ContentMemory;
import dev.leadstream.persona.Fixtures;
import dev.leadstream.persona.draft.DraftComposer;
import dev.leadstream.persona.draft.DraftRequest;
import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.LeadFacts;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.persona.writer.deterministic.DeterministicWriter;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.grounding.GroundingGate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts per second on this machine, one thread: the deterministic writer alone (every channel,
 * step and approach of a four-channel, three-step campaign: 24 messages a draft), the grounding
 * gate over one draft's statements, and the whole composition a record gets (facts, language,
 * persona, writer, gate, guardrails), plus its JSON. Synthetic leads in four languages with
 * signals. Not a timed test: it checks only that every draft came out, and writes its numbers to
 * {@code target/benchmarks/persona.md} for docs/benchmarks.md.
 *
 * <p>Run: {@code ./mvnw -B -o -Pbenchmark verify -pl persona-agent -am -DskipITs -Dtest='*Benchmark'
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbench.drafts=N} per measurement.
 */
class DraftBenchmark {

    private static final int DRAFTS = Integer.getInteger("bench.drafts", 4000);
    private static final int WARM_UP = Math.min(2000, DRAFTS);

    private record Rate(String what, int n, long nanos) {
        double perSecond() {
            return n / (nanos / 1e9);
        }

        double microsEach() {
            return nanos / 1e3 / n;
        }
    }

    @Test
    void deterministicDraftsPerSecondAndTheGatesCostPerDraft() throws Exception {
        List<Brief> briefs = new ArrayList<>();
        List<DraftRequest> requests = new ArrayList<>();
        for (int i = 0; i < DRAFTS; i++) {
            String language = Campaign.LANGUAGES.get(i % 4);
            String leadId = "bench-" + i + ".test";
            ScoredLead lead = Fixtures.lead(leadId, "Business " + i, List.of("bakery", "cafe", "restaurant", "dentist", "hotel").get(i % 5),
                    "Leeds", "We bake and cook with care for our neighbours, every day.", language);
            List<EnrichedLead.Signal> signals = Fixtures.signals(leadId);
            List<Draft.Fact> facts = new ArrayList<>(LeadFacts.of(lead, signals));
            facts.addAll(CampaignFacts.of(Fixtures.campaign(), language));
            briefs.add(new Brief(lead, signals, Fixtures.campaign(), null, facts, language, null, null, List.of()));
            requests.add(new DraftRequest("evt-" + i, lead, signals, Fixtures.campaign(), null, null));
        }
        DeterministicWriter writer = new DeterministicWriter();
        DraftComposer composer = new DraftComposer(writer, ContentMemory.OFF);
        List<Written> written = new ArrayList<>();

        time("warm-up", WARM_UP, i -> composer.compose(requests.get(i)));
        Rate writing = time("deterministic writer", DRAFTS, i -> written.add(writer.write(briefs.get(i))));
        long statements = written.stream().mapToLong(w -> w.messages().stream().mapToLong(m -> m.statements().size()).sum()).sum();
        Rate gate = time("grounding gate", DRAFTS, i -> written.get(i).messages().forEach(m ->
                GroundingGate.checkAll(m.statements(), briefs.get(i).facts(), briefs.get(i).language())));
        List<Integer> sizes = new ArrayList<>();
        Rate whole = time("whole draft (facts, persona, writer, gate, guardrails, JSON)", DRAFTS,
                i -> sizes.add(EventJson.toBytes(composer.compose(requests.get(i))).length));

        assertThat(written).hasSize(DRAFTS).allSatisfy(w -> assertThat(w.messages()).hasSize(24));
        assertThat(sizes).hasSize(DRAFTS);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d drafts, 24 messages and %.0f statements each on average, 4 languages, one thread, after %d warm-up drafts%n%n",
                DRAFTS, (double) statements / DRAFTS, WARM_UP));
        report.append("| what | drafts/s | µs per draft |\n|---|---|---|\n");
        for (Rate r : List.of(writing, gate, whole)) {
            report.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", r.what(), r.perSecond(), r.microsEach()));
        }
        report.append(String.format(Locale.ROOT, "%ngate: %.1f µs per statement; draft JSON: %,d bytes on average%n",
                gate.nanos() / 1e3 / statements, sizes.stream().mapToLong(Integer::longValue).sum() / sizes.size()));
        Path out = Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(out.resolve("persona.md"), report);
        System.out.println(report);
    }

    private static Rate time(String what, int n, Consumer<Integer> work) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            work.accept(i);
        }
        return new Rate(what, n, System.nanoTime() - start);
    }
}
