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
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
    void aSelectionIntoACampaignGetsAGroundedDraftInTheLeadsLanguageWhoseIdFollowsTheDecision() {
        String leadId = "baeckerei-" + UUID.randomUUID() + ".test";
        ScoredLead lead = Fixtures.lead(leadId, "Bäckerei Sonnenschein", "bakery", "Köln",
                "Wir backen jeden Morgen frisches Brot und Brötchen mit Sauerteig aus unserer Region.", null);
        Approval first = Approval.leadSelected(UUID.randomUUID().toString(), lead, Fixtures.signals(leadId), Fixtures.campaign(), "ana");
        Approval second = Approval.leadSelected(UUID.randomUUID().toString(), lead, Fixtures.signals(leadId), Fixtures.campaign(), "ben");
        probe.send(Topics.APPROVED, leadId, first);
        probe.send(Topics.APPROVED, leadId, first); // the same decision delivered twice
        probe.send(Topics.APPROVED, leadId, second); // a second decision about the same lead

        List<Draft> drafts = draftsOf(leadId, 3);
        assertThat(drafts.get(0).draftId()).isEqualTo(drafts.get(1).draftId());
        assertThat(drafts.get(2).draftId()).isNotEqualTo(drafts.get(0).draftId());
        Draft draft = drafts.get(0);
        assertThat(draft.language()).as("the description is German").isEqualTo("de");
        assertThat(draft.campaignId()).isEqualTo("spring-bakers");
        assertThat(draft.messages()).extracting(Draft.Message::channel).contains("email", "telegram", "instagram", "tiktok");
        assertThat(draft.messages()).extracting(Draft.Message::step).contains(0, 1, 2);
        assertThat(draft.unsupportedStatements()).isEmpty();
        assertThat(draft.messages()).flatExtracting(Draft.Message::statements).allSatisfy(s ->
                assertThat(s.status()).isEqualTo(Draft.Statement.SUPPORTED));
        assertThat(draft.email().to()).isEqualTo("hello@" + leadId);
        assertThat(draft.email().textBody()).contains("Ihre Kunden bestellen Brot online vor", Draft.Message.UNSUBSCRIBE_PLACEHOLDER);
        assertThat(draft.findings()).noneMatch(f -> f.severity().equals(Draft.GuardrailFinding.BLOCK));
        assertThat(draft.generation().writer()).isEqualTo("deterministic");
    }

    @Test
    void aRegenerateRequestLandsAsTheNextVersionOfTheSameDraftFollowingTheInstruction() {
        String leadId = "rose-" + UUID.randomUUID() + ".test";
        ScoredLead lead = Fixtures.lead(leadId, "Rose Bakery", "bakery", "Leeds", "Sourdough and rye, baked daily since 2012.", "en-GB");
        probe.send(Topics.APPROVED, leadId, Approval.leadSelected(UUID.randomUUID().toString(), lead, Fixtures.signals(leadId),
                Fixtures.campaign(), "ana"));
        Draft v1 = draftsOf(leadId, 1).getFirst();

        probe.send(Topics.APPROVED, leadId, Approval.regenerate(UUID.randomUUID().toString(), lead, Fixtures.signals(leadId),
                Fixtures.campaign(), v1, "shorter", "ana"));
        Draft v2 = draftsOf(leadId, 2).get(1);

        assertThat(v2.draftId()).isEqualTo(v1.draftId());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.generation().instruction()).isEqualTo("shorter");
        assertThat(v2.email().textBody().length()).isLessThan(v1.email().textBody().length());
        assertThat(v2.unsupportedStatements()).isEmpty();
    }

    @Test
    void aSelectionWithoutACampaignStillGetsADraftThatCannotBeApproved() {
        String leadId = "plain-" + UUID.randomUUID() + ".test";
        probe.send(Topics.APPROVED, leadId, Approval.leadSelected(UUID.randomUUID().toString(),
                Fixtures.lead(leadId, "Rose Bakery", "bakery", "Leeds", "Cakes", null), "ana"));

        Draft draft = draftsOf(leadId, 1).getFirst();
        assertThat(draft.campaignId()).isNull();
        assertThat(draft.messages()).extracting(Draft.Message::channel).containsOnly("email");
        assertThat(draft.findings()).anyMatch(f -> f.rule().equals("no-campaign") && f.severity().equals(Draft.GuardrailFinding.BLOCK));
    }

    @Test
    void poisonOnApprovedIsDeadLetteredOnceByThisAgentAndTheNextDecisionGetsItsDraft() {
        String leadId = "fuzz-" + UUID.randomUUID() + ".test";
        ScoredLead lead = Fixtures.lead(leadId, "Rose Bakery", "bakery", "Leeds", "Cakes", null);
        Approval valid = Approval.leadSelected(UUID.randomUUID().toString(), lead, Fixtures.signals(leadId), Fixtures.campaign(), "ana");
        List<PoisonRecords.Poison> poison = new ArrayList<>(PoisonRecords.against(leadId, EventJson.toJson(valid),
                List.of("eventId", "type", "leadId", "lead"), 14L));
        Draft previous = new Draft("d-" + leadId, leadId, 1, null, null, List.of(), List.of(), List.of(), null, "default",
                "spring-bakers", 3, "en", List.of(), List.of(), null);
        poison.add(poison("regenerate-without-draft", Approval.regenerate(UUID.randomUUID().toString(), lead, List.of(),
                Fixtures.campaign(), null, "shorter", "ana")));
        poison.add(poison("regenerate-without-campaign", Approval.regenerate(UUID.randomUUID().toString(), lead, List.of(),
                null, previous, "shorter", "ana")));

        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.APPROVED.name(), Topics.APPROVED.eventType(), poison);
        probe.send(Topics.APPROVED, leadId, valid);

        assertThat(draftsOf(leadId, 1)).singleElement().satisfies(d -> assertThat(d.leadId()).isEqualTo(leadId));
        fuzz.assertEachDeadLetteredOnce("persona-agent", landed, Duration.ofSeconds(90));
        DeadLetterFuzz.assertHealthy(ready);
    }

    @Test
    void aDecisionWhoseDraftTheBrokerRefusesIsDeadLetteredAndTheNextOneIsWritten() {
        // the approval fits the broker's 1 MiB; its draft carries the description as a fact, and the messages besides, and does not
        String bigId = "big-" + UUID.randomUUID() + ".test";
        Approval tooBig = Approval.leadSelected(UUID.randomUUID().toString(), Fixtures.bareLead(bigId, "fresh bread ".repeat(84_200)),
                List.of(), Fixtures.campaign(), "ana");
        String nextId = "next-" + UUID.randomUUID() + ".test";
        Approval next = Approval.leadSelected(UUID.randomUUID().toString(),
                Fixtures.lead(nextId, "Rose Bakery", "bakery", "Leeds", "Cakes", null), "ana");
        List<DeadLetterFuzz.Landed> landed = fuzz.feed(Topics.APPROVED.name(), Topics.APPROVED.eventType(),
                List.of(poison("draft-too-large", tooBig)));
        probe.send(Topics.APPROVED, nextId, next);

        assertThat(draftsOf(nextId, 1)).hasSize(1);
        fuzz.assertEachDeadLetteredOnce("persona-agent", landed, Duration.ofSeconds(60));
        DeadLetterFuzz.assertHealthy(ready);
    }

    private static PoisonRecords.Poison poison(String name, Approval approval) {
        return new PoisonRecords.Poison(name, approval.leadId(), EventJson.toBytes(approval));
    }

    private List<Draft> draftsOf(String leadId, int atLeast) {
        return probe.values(Topics.DRAFTS, probe.readUntil(Topics.DRAFTS.name(), Duration.ofSeconds(90),
                        rs -> probe.values(Topics.DRAFTS, rs).stream().filter(d -> d.leadId().equals(leadId)).count() >= atLeast))
                .stream().filter(d -> d.leadId().equals(leadId)).toList();
    }
}
