package dev.leadstream.persona;

import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class PersonaAgentIT {

    @Test
    void aSelectedLeadGetsADraft() {
        TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
        String eventId = UUID.randomUUID().toString();
        probe.send(Topics.APPROVED, "rose.test", Approval.leadSelected(eventId,
                TemplateWriterTest.lead(List.of("hello@rose.test"), "Cakes"), "ana"));

        String expectedDraftId = UUID.nameUUIDFromBytes(("draft:" + eventId).getBytes()).toString();
        List<Draft> drafts = probe.values(Topics.DRAFTS, probe.readUntil(Topics.DRAFTS.name(), Duration.ofSeconds(60),
                rs -> probe.values(Topics.DRAFTS, rs).stream().anyMatch(d -> d.draftId().equals(expectedDraftId))));
        Draft draft = drafts.stream().filter(d -> d.draftId().equals(expectedDraftId)).findFirst().orElseThrow();
        assertThat(draft.leadId()).isEqualTo("rose.test");
        assertThat(draft.email().to()).isEqualTo("hello@rose.test");
        assertThat(draft.provenance().model()).isEqualTo("template-v1");
    }
}
