package dev.leadstream.persona;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Draft;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class PersonaAgentIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
    private final DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void aSelectedLeadGetsOneDraftWhoseIdFollowsTheDecision() {
        String leadId = "rose-" + UUID.randomUUID() + ".test";
        Approval first = Approval.leadSelected(UUID.randomUUID().toString(),
                TemplateWriterTest.lead(leadId, List.of("hello@" + leadId), "Cakes"), "ana");
        Approval second = Approval.leadSelected(UUID.randomUUID().toString(), first.lead(), "ben");
        probe.send(Topics.APPROVED, leadId, first);
        probe.send(Topics.APPROVED, leadId, first); // the same decision delivered twice
        probe.send(Topics.APPROVED, leadId, second); // a second decision about the same lead

        List<Draft> drafts = draftsOf(leadId, 3);
        assertThat(drafts.get(0).draftId()).isEqualTo(drafts.get(1).draftId());
        assertThat(drafts.get(2).draftId()).isNotEqualTo(drafts.get(0).draftId());
        assertThat(drafts.get(0).email().to()).isEqualTo("hello@" + leadId);
        assertThat(drafts.get(0).provenance().model()).isEqualTo("template-v1");
    }

    @Test
    void poisonOnApprovedIsDeadLetteredOnceByThisAgentAndTheNextDecisionGetsItsDraft() {
        String leadId = "fuzz-" + UUID.randomUUID() + ".test";
        Approval valid = Approval.leadSelected(UUID.randomUUID().toString(),
                TemplateWriterTest.lead(leadId, List.of("hello@" + leadId), "Cakes"), "ana");
        List<PoisonRecords.Poison> poison = PoisonRecords.against(leadId, EventJson.toJson(valid),
                List.of("eventId", "type", "leadId", "lead"), 14L);

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.APPROVED.name(), Topics.APPROVED.eventType(), poison);
        probe.send(Topics.APPROVED, leadId, valid);

        assertThat(draftsOf(leadId, 1)).singleElement().satisfies(d -> assertThat(d.leadId()).isEqualTo(leadId));
        fuzz.assertEachDeadLetteredOnce("persona-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }

    @Test
    void aDecisionWhoseDraftTheBrokerRefusesIsDeadLetteredAndTheNextOneIsWritten() {
        // the draft quotes the description in its text and HTML bodies: twice what the broker takes
        String bigId = "big-" + UUID.randomUUID() + ".test";
        Approval tooBig = Approval.leadSelected(UUID.randomUUID().toString(),
                TemplateWriterTest.lead(bigId, List.of("hello@" + bigId), "fresh bread ".repeat(60_000)), "ana");
        String nextId = "next-" + UUID.randomUUID() + ".test";
        Approval next = Approval.leadSelected(UUID.randomUUID().toString(),
                TemplateWriterTest.lead(nextId, List.of("hello@" + nextId), "Cakes"), "ana");
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.APPROVED.name(), Topics.APPROVED.eventType(),
                List.of(new PoisonRecords.Poison("draft-too-large", bigId, EventJson.toBytes(tooBig))));
        probe.send(Topics.APPROVED, nextId, next);

        assertThat(draftsOf(nextId, 1)).hasSize(1);
        fuzz.assertEachDeadLetteredOnce("persona-agent", landed, Duration.ofSeconds(60));
        DeadLetterFuzz.assertHealthy(ready);
    }

    private List<Draft> draftsOf(String leadId, int atLeast) {
        return probe.values(Topics.DRAFTS, probe.readUntil(Topics.DRAFTS.name(), Duration.ofSeconds(90),
                        rs -> probe.values(Topics.DRAFTS, rs).stream().filter(d -> d.leadId().equals(leadId)).count() >= atLeast))
                .stream().filter(d -> d.leadId().equals(leadId)).toList();
    }
}
