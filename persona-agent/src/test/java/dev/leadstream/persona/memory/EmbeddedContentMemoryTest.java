package dev.leadstream.persona.memory;

import dev.leadstream.persona.writer.StyleExample;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoredLead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static dev.leadstream.persona.memory.MemoryBriefs.brief;
import static dev.leadstream.persona.memory.MemoryBriefs.draft;
import static dev.leadstream.persona.memory.MemoryBriefs.engagement;
import static dev.leadstream.persona.memory.MemoryBriefs.lead;
import static org.assertj.core.api.Assertions.assertThat;

/** The real embedding model and a real Lucene index in a temporary directory. */
class EmbeddedContentMemoryTest {

    private static Embedder embedder;

    @TempDir
    Path dir;

    private final ScoredLead rose = lead("rose.test", "Rose Bakery Ltd", "bakery", "Leeds", "Sourdough and cakes baked daily");
    private final ScoredLead crumb = lead("crumb.test", "Crust & Crumb", "bakery", "Bristol", "Artisan bread and pastries baked every morning");
    private final ScoredLead lawyers = lead("lex.test", "Lex Partners", "law firm", "London", "Commercial litigation and employment law advice");

    @BeforeAll
    static void loadModel() {
        embedder = new Embedder(1);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    private final List<EmbeddedContentMemory> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(EmbeddedContentMemory::close);
    }

    private EmbeddedContentMemory memory(List<String> outcomes) {
        EmbeddedContentMemory memory = new EmbeddedContentMemory(embedder, new ContentIndex(dir), outcomes, 3, 0.5, Clock.systemUTC());
        opened.add(memory);
        return memory;
    }

    @Test
    void contentThatEarnedAReplyIsGivenToASimilarLeadWithTheFirstLeadTakenOut() {
        EmbeddedContentMemory memory = memory(List.of(Engagement.REPLIED));
        Draft draft = draft(rose);
        memory.remember(brief(rose), draft);

        assertThat(memory.learn(engagement(draft, Engagement.OPENED, "spring:email:0:llm-a"))).isFalse();
        assertThat(memory.examplesFor(brief(crumb))).isEmpty();
        assertThat(memory.learn(engagement(draft, Engagement.REPLIED, "spring:email:0:llm-a"))).isTrue();

        List<StyleExample> examples = memory.examplesFor(brief(crumb));
        assertThat(examples).singleElement().satisfies(example -> {
            assertThat(example.id()).isEqualTo("example:" + draft.draftId() + ":spring:email:0:llm-a");
            assertThat(example.channel()).isEqualTo("email");
            assertThat(example.text()).startsWith("Subject: A fresh idea for {business}\n\nHello {business} team,")
                    .contains("on {website} and", "shop in {city}.", "on {phone} - or write to {email}.")
                    .doesNotContain("Rose", "rose.test", "Leeds", "0113");
        });
        assertThat(memory.examplesFor(brief(lawyers))).as("a law firm is no bakery").isEmpty();
    }

    @Test
    void withoutAVariantTheEngagementNamesTheFirstTouchOnItsChannelAndUnknownDraftsTeachNothing() {
        EmbeddedContentMemory memory = memory(List.of(Engagement.REPLIED));
        Draft draft = draft(rose);
        memory.remember(brief(rose), draft);

        assertThat(memory.learn(engagement(draft(crumb), Engagement.REPLIED, null))).as("never remembered").isFalse();
        assertThat(memory.learn(engagement(draft, Engagement.REPLIED, null))).isTrue();
        assertThat(memory.examplesFor(brief(crumb))).extracting(StyleExample::id)
                .containsExactly("example:" + draft.draftId() + ":spring:email:0:llm-a");
    }

    @Test
    void aWeakerOutcomeDoesNotReplaceAStrongerOne() {
        EmbeddedContentMemory memory = memory(List.of(Engagement.REPLIED, Engagement.CLICKED));
        Draft draft = draft(rose);
        memory.remember(brief(rose), draft);

        assertThat(memory.learn(engagement(draft, Engagement.CLICKED, "spring:email:0:llm-a"))).isTrue();
        assertThat(memory.learn(engagement(draft, Engagement.REPLIED, "spring:email:0:llm-a"))).isTrue();
        assertThat(memory.learn(engagement(draft, Engagement.CLICKED, "spring:email:0:llm-a"))).isFalse();
    }

    @Test
    void whatWasLearnedSurvivesARestart() {
        EmbeddedContentMemory first = memory(List.of(Engagement.REPLIED));
        Draft draft = draft(rose);
        first.remember(brief(rose), draft);
        first.learn(engagement(draft, Engagement.REPLIED, "spring:email:0:llm-a"));
        Draft second = draft(lead("bun.test", "Bun Shop", "bakery", "York", "Buns and bread"));
        first.remember(brief(rose), second);
        first.close();
        opened.remove(first);

        EmbeddedContentMemory reopened = memory(List.of(Engagement.REPLIED));
        assertThat(reopened.examplesFor(brief(crumb))).hasSize(1);
        assertThat(reopened.learn(engagement(second, Engagement.REPLIED, "spring:email:0:llm-a")))
                .as("a draft remembered since the last commit is committed on close").isTrue();
    }
}
