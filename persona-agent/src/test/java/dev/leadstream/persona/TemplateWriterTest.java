package dev.leadstream.persona;

import dev.leadstream.persona.writer.TemplateWriter;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateWriterTest {

    private final TemplateWriter writer = new TemplateWriter();

    @Test
    void theDraftIsGroundedInTheLeadsFactsAndAddressedToItsEmail() {
        Draft draft = writer.write(lead(List.of("hello@rose.test"), "Sourdough <daily>"), "evt-1");
        assertThat(draft.email().to()).isEqualTo("hello@rose.test");
        assertThat(draft.email().textBody()).contains("Sourdough <daily>");
        assertThat(draft.email().htmlBody()).contains("Sourdough &lt;daily&gt;").doesNotContain("<daily>");
        assertThat(draft.claims()).singleElement().satisfies(c -> assertThat(c.facts()).containsExactly("description"));
        assertThat(draft.findings()).noneMatch(f -> f.severity().equals("block"));
    }

    @Test
    void theSameDecisionGivesTheSameDraftId() {
        assertThat(writer.write(lead(List.of("a@rose.test"), null), "evt-1").draftId())
                .isEqualTo(writer.write(lead(List.of("a@rose.test"), null), "evt-1").draftId())
                .isNotEqualTo(writer.write(lead(List.of("a@rose.test"), null), "evt-2").draftId());
    }

    @Test
    void aLeadWithoutEmailIsBlockedByTheGuardrail() {
        Draft draft = writer.write(lead(List.of(), null), "evt-3");
        assertThat(draft.email().to()).isNull();
        assertThat(draft.findings()).anyMatch(f -> f.rule().equals("has-recipient") && f.severity().equals("block"));
    }

    static ScoredLead lead(List<String> emails, String description) {
        return lead("rose.test", emails, description);
    }

    static ScoredLead lead(String leadId, List<String> emails, String description) {
        return new ScoredLead(leadId, "Rose Bakery", "https://" + leadId + "/", emails, List.of(), "1 Mill Lane, Leeds",
                description, List.of(), List.of("Bakery"), List.of("https://rose.test/"), "default", 70, "B", List.of(),
                "prior-v1", Provenance.of("test", "1", null), null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
