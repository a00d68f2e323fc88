package dev.leadstream.persona.memory;

import dev.leadstream.local.testing.DeadLetterFuzz;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PoisonRecords;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.local.testing.TopicProbe;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.leadstream.persona.memory.MemoryBriefs.brief;
import static dev.leadstream.persona.memory.MemoryBriefs.draft;
import static dev.leadstream.persona.memory.MemoryBriefs.engagement;
import static dev.leadstream.persona.memory.MemoryBriefs.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The memory in the running agent, on the real broker: a remembered draft that earns a reply on
 * {@code engagement} becomes a style example for a similar lead, without the first lead in it;
 * what is no engagement is dead-lettered once by this agent.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ContentMemoryIT {

    private final TopicProbe probe = new TopicProbe(SharedInfra.kafka().bootstrapServers());
    private final DeadLetterFuzz fuzz = new DeadLetterFuzz(SharedInfra.kafka().bootstrapServers());

    @Inject
    ContentMemory memory;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void aReplyToARememberedDraftMakesItAnExampleForASimilarLeadWithoutTheFirstLeadsName() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ScoredLead first = lead("first-" + run + ".test", "Hearth Bakery " + run, "bakery", "Leeds", "Sourdough and rye baked daily");
        ScoredLead similar = lead("similar-" + run + ".test", "Oven Door " + run, "bakery", "Bristol", "Sourdough loaves baked every morning");
        Draft draft = draft(first);
        memory.remember(brief(first), draft);

        probe.send(Topics.ENGAGEMENT, first.leadId(), engagement(draft, Engagement.REPLIED, "spring:email:0:llm-a"));

        String exampleId = "example:" + draft.draftId() + ":spring:email:0:llm-a";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(memory.examplesFor(brief(similar))).anySatisfy(example -> {
                    assertThat(example.id()).isEqualTo(exampleId);
                    assertThat(example.text()).contains("{business}").doesNotContain(first.name(), "Hearth", first.leadId(), "Leeds");
                }));
    }

    @Test
    void poisonOnEngagementIsDeadLetteredOnceByThisAgentAndTheNextEngagementIsLearned() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ScoredLead lead = lead("fuzz-" + run + ".test", "Fuzz Bakery " + run, "bakery", "York", "Bread and cakes baked daily");
        Draft draft = draft(lead);
        memory.remember(brief(lead), draft);
        Engagement valid = engagement(draft, Engagement.REPLIED, "spring:email:0:llm-b");
        List<PoisonRecords.Poison> poison = PoisonRecords.against(lead.leadId(), EventJson.toJson(valid),
                List.of("eventId", "leadId", "type"), 8L);

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.ENGAGEMENT.name(), Topics.ENGAGEMENT.eventType(), poison);
        probe.send(Topics.ENGAGEMENT, lead.leadId(), valid);

        String exampleId = "example:" + draft.draftId() + ":spring:email:0:llm-b";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                memory.examplesFor(brief(lead)).stream().anyMatch(e -> e.id().equals(exampleId)));
        fuzz.assertEachDeadLetteredOnce("persona-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }
}
