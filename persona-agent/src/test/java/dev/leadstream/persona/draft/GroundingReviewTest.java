package dev.leadstream.persona.draft;

import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Draft;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroundingReviewTest {

    static final List<Draft.Fact> FACTS = List.of(new Draft.Fact("lead:name", "lead", "name", "Rose Bakery", "https://rose.test/"));
    static final Brief BRIEF = new Brief(null, List.of(), null, null, FACTS, "en", null, null, List.of());
    static final String TRUE = "Rose Bakery bakes bread.";
    static final String INVENTED = "Rose Bakery has been award-winning since 1990.";

    /** A writer that claims what its facts do not say, and, asked again, says {@code second} instead. */
    static final class InventingWriter implements ContentWriter {
        final String subject;
        final String second;
        final List<Brief> briefs = new ArrayList<>();

        InventingWriter(String subject, String second) {
            this.subject = subject;
            this.second = second;
        }

        @Override
        public Written write(Brief brief) {
            briefs.add(brief);
            String invented = brief.rejected().isEmpty() ? INVENTED : second;
            List<Draft.Statement> statements = List.of(
                    new Draft.Statement("m/subject", subject, "courtesy", List.of("lead:name"), Draft.Statement.UNCHECKED, null),
                    new Draft.Statement("m/1", TRUE, "lead", List.of("lead:name"), Draft.Statement.UNCHECKED, null),
                    new Draft.Statement("m/2", invented, "lead", List.of("lead:name"), Draft.Statement.UNCHECKED, null));
            String text = TRUE + " " + invented + "\n\nUnsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER;
            return new Written(List.of(new Draft.Message("email:0:x", "email", 0, 0, null, subject, null, text,
                    "<p>" + TRUE + " " + invented + "</p><p>" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "</p>", List.of(), null, statements)),
                    new Draft.Generation("llm", "fake", null, null, null, null, 1, null, null, List.of()));
        }
    }

    @Test
    void anInventedClaimIsWrittenAgainAndKeptWhenTheSecondAttemptIsTrue() {
        InventingWriter writer = new InventingWriter("Hello Rose Bakery", "Rose Bakery opens early.");
        GroundingReview.Reviewed reviewed = GroundingReview.review(writer, BRIEF);

        assertThat(writer.briefs).hasSize(2);
        assertThat(writer.briefs.get(1).rejected()).extracting(Draft.Statement::id).containsExactly("m/2");
        Draft.Message m = reviewed.messages().getFirst();
        assertThat(m.statements()).allMatch(s -> s.status().equals(Draft.Statement.SUPPORTED));
        assertThat(m.text()).contains("Rose Bakery opens early.").doesNotContain("1990");
        assertThat(reviewed.generation().attempts()).isEqualTo(2);
        assertThat(reviewed.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(GroundingReview.RULE);
            assertThat(f.message()).contains(INVENTED).contains("1990");
        });
    }

    @Test
    void aClaimThatStaysInventedIsCutFromTheTextAndTheHtml() {
        GroundingReview.Reviewed reviewed = GroundingReview.review(new InventingWriter("Hello Rose Bakery", INVENTED), BRIEF);
        Draft.Message m = reviewed.messages().getFirst();
        assertThat(m.text()).startsWith(TRUE).doesNotContain("1990");
        assertThat(m.html()).contains(TRUE).doesNotContain("1990");
        assertThat(m.statements()).extracting(Draft.Statement::id).containsExactly("m/subject", "m/1");
        assertThat(reviewed.findings()).extracting(Draft.GuardrailFinding::message)
                .anySatisfy(msg -> assertThat(msg).startsWith("email:0:x: dropped").contains("1990"));
    }

    @Test
    void anInventedSubjectCannotBeCutAndStaysMarkedForTheReviewer() {
        GroundingReview.Reviewed reviewed = GroundingReview.review(new InventingWriter("Rose Bakery, winner of 3 awards", TRUE), BRIEF);
        Draft.Statement subject = reviewed.messages().getFirst().statements().getFirst();
        assertThat(subject.status()).isEqualTo(Draft.Statement.UNSUPPORTED);
        assertThat(subject.reason()).contains("3");
        assertThat(reviewed.findings()).anySatisfy(f -> assertThat(f.message()).contains("is unsupported").contains("edit it"));
    }
}
