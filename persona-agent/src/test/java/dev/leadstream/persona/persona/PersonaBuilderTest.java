package dev.leadstream.persona.persona;

import dev.leadstream.persona.Fixtures;
import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.facts.LeadFacts;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.grounding.GroundingGate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonaBuilderTest {

    private final PersonaBuilder builder = new PersonaBuilder();

    private Draft.Persona persona(ScoredLead lead, List<EnrichedLead.Signal> signals) {
        List<Draft.Fact> facts = new ArrayList<>(LeadFacts.of(lead, signals));
        facts.addAll(CampaignFacts.of(Fixtures.campaign(), "en"));
        return builder.build(new Facts(facts), signals, Fixtures.campaign());
    }

    private static List<Draft.Fact> facts(ScoredLead lead, List<EnrichedLead.Signal> signals) {
        List<Draft.Fact> facts = new ArrayList<>(LeadFacts.of(lead, signals));
        facts.addAll(CampaignFacts.of(Fixtures.campaign(), "en"));
        return facts;
    }

    @Test
    void theDecisionMakerDependsOnTheSector() {
        assertThat(persona(Fixtures.lead("a.test", "Luigi's", "restaurant", "York", null, null), List.of()).decisionMaker()).contains("head chef");
        assertThat(persona(Fixtures.lead("b.test", "Smile", "dentist", "York", null, null), List.of()).decisionMaker()).contains("practice manager");
        assertThat(persona(Fixtures.lead("c.test", "Rose", "bakery", "York", null, null), List.of()).decisionMaker()).contains("owner");
        assertThat(persona(Fixtures.lead("d.test", "Odd", null, "York", null, null), List.of()).decisionMaker()).contains("owner");
    }

    @Test
    void everySignalGivesAReasonToWriteNowThatCitesItAndPassesTheGate() {
        ScoredLead lead = Fixtures.lead("rose.test", "Rose Bakery", "bakery", "Leeds", "Sourdough.", "en");
        List<EnrichedLead.Signal> signals = List.of(Fixtures.hiring(2, "rose.test"), Fixtures.locations(2, "rose.test"),
                Fixtures.rising("sourdough"), Fixtures.years(14), Fixtures.lookalike("other.test", "replied"));
        Draft.Persona persona = persona(lead, signals);

        List<Draft.Statement> whyNow = persona.statements().stream().filter(s -> s.id().startsWith("persona/why-now")).toList();
        assertThat(whyNow).extracting(Draft.Statement::text).anySatisfy(t -> assertThat(t).contains("hiring").contains("2"))
                .anySatisfy(t -> assertThat(t).contains("2 premises")).anySatisfy(t -> assertThat(t).contains("sourdough"))
                .anySatisfy(t -> assertThat(t).contains("14 years")).anySatisfy(t -> assertThat(t).contains("replied"))
                // an ordering offer, and no ordering on the home page
                .anySatisfy(t -> assertThat(t).contains("no ordering tool"));
        assertThat(persona.statements()).allSatisfy(s -> {
            assertThat(s.factIds()).isNotEmpty();
            assertThat(GroundingGate.check(s, facts(lead, signals), "en").status()).as(s.text()).isEqualTo(Draft.Statement.SUPPORTED);
        });
        assertThat(persona.interests()).contains("pre-orders");
    }

    @Test
    void aSiteThatAlreadyHasWhatTheOfferingDoesIsNamed() {
        ScoredLead lead = Fixtures.lead("rose.test", "Rose Bakery", "bakery", "Leeds", null, null);
        Draft.Persona persona = persona(lead, List.of(Fixtures.technology("ordering", "Flipdish", "rose.test")));
        assertThat(persona.statements()).anySatisfy(s -> assertThat(s.text()).contains("Flipdish"));
        assertThat(persona.statements()).noneSatisfy(s -> assertThat(s.text()).contains("no ordering tool"));
    }

    @Test
    void withoutSignalsThereIsNoReasonToWriteNow() {
        ScoredLead lead = Fixtures.bareLead("plain.test", "Cakes");
        List<Draft.Fact> facts = LeadFacts.of(lead, List.of());
        Draft.Persona persona = builder.build(new Facts(facts), List.of(), null);
        assertThat(persona.statements()).noneMatch(s -> s.id().startsWith("persona/why-now"));
        assertThat(persona.summary()).contains("no signal says why now");
    }
}
