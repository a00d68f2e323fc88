package dev.leadstream.persona.draft;

import dev.leadstream.persona.memory.ContentMemory;
import dev.leadstream.persona.Fixtures;
import dev.leadstream.persona.writer.deterministic.DeterministicWriter;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DraftComposerTest {

    private final DraftComposer composer = new DraftComposer(new DeterministicWriter(), ContentMemory.OFF);

    private static final ScoredLead ROSE = Fixtures.lead("rose.test", "Rose Bakery", "bakery", "Leeds",
            "Sourdough and rye, baked daily since 2012.", "en");

    private Draft selected(ScoredLead lead, List<EnrichedLead.Signal> signals, Campaign campaign) {
        return composer.compose(new DraftRequest("evt-1", lead, signals, campaign, null, null));
    }

    private static List<Draft.GuardrailFinding> notInfo(Draft d) {
        return d.findings().stream().filter(f -> !f.severity().equals(Draft.GuardrailFinding.INFO)).toList();
    }

    @Test
    void draftsLikeTheDemosPassEveryGuardrailAndTheGateInEveryLanguage() {
        List<String> cities = List.of("Leeds", "Köln", "Utrecht", "Lyon");
        List<String> sectors = List.of("bakery", "cafe", "restaurant", "florist", "hair-beauty", "dentist");
        for (int l = 0; l < 4; l++) {
            String language = Campaign.LANGUAGES.get(l);
            for (int n = 0; n < sectors.size(); n++) {
                String leadId = "demo-" + language + n + ".test";
                ScoredLead lead = Fixtures.lead(leadId, "Sample " + n, sectors.get(n), cities.get(l), "Fresh, local and friendly.", language);
                List<EnrichedLead.Signal> signals = new ArrayList<>(Fixtures.signals(leadId));
                signals.add(Fixtures.locations(2, leadId));
                signals.add(Fixtures.years(9));
                Draft draft = selected(lead, signals, Fixtures.campaign());
                assertThat(notInfo(draft)).as(language + " " + sectors.get(n)).isEmpty();
                assertThat(draft.unsupportedStatements()).isEmpty();
                assertThat(draft.language()).isEqualTo(language);
            }
        }
    }

    @Test
    void aSelectionGetsVersionOneUnderAnIdThatFollowsTheDecision() {
        Draft first = selected(ROSE, List.of(), Fixtures.campaign());
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.draftId()).isEqualTo(selected(ROSE, List.of(), Fixtures.campaign()).draftId())
                .isNotEqualTo(composer.compose(new DraftRequest("evt-2", ROSE, List.of(), Fixtures.campaign(), null, null)).draftId());
        assertThat(first.campaignId()).isEqualTo("spring-bakers");
        assertThat(first.campaignVersion()).isEqualTo(3);
        assertThat(first.provenance().agent()).isEqualTo("persona-agent");
    }

    @Test
    void theOlderFieldsCarryTheFirstEmailAndPosts() {
        Draft draft = selected(ROSE, Fixtures.signals("rose.test"), Fixtures.campaign());
        Draft.Message primary = draft.messages().stream().filter(m -> m.variantId().equals("email:0:signal-led")).findFirst().orElseThrow();
        assertThat(draft.email()).isEqualTo(new Draft.Email(primary.to(), primary.subject(), primary.text(), primary.html()));
        assertThat(draft.socialPosts()).extracting(Draft.SocialPost::platform).containsExactly("telegram", "instagram", "tiktok");
        assertThat(draft.claims()).isNotEmpty().allSatisfy(c -> assertThat(c.facts()).isNotEmpty());
        assertThat(EventJson.read(EventJson.toJson(draft), Draft.class)).isEqualTo(draft);
    }

    @Test
    void aRegeneratedDraftKeepsItsIdTakesTheNextVersionAndRecordsTheInstruction() {
        Draft v1 = selected(ROSE, Fixtures.signals("rose.test"), Fixtures.campaign());
        Draft v2 = composer.compose(new DraftRequest("evt-9", ROSE, Fixtures.signals("rose.test"), Fixtures.campaign(), v1, "shorter"));
        assertThat(v2.draftId()).isEqualTo(v1.draftId());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.generation().instruction()).isEqualTo("shorter");
        assertThat(v2.email().textBody().length()).isLessThan(v1.email().textBody().length());
        Draft v3 = composer.compose(new DraftRequest("evt-10", ROSE, List.of(), Fixtures.campaign(), v2, "sing it, mention the weather"));
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.findings()).filteredOn(f -> f.rule().equals("instruction") && f.severity().equals(Draft.GuardrailFinding.WARNING))
                .extracting(Draft.GuardrailFinding::message)
                .anySatisfy(m -> assertThat(m).contains("sing it")).anySatisfy(m -> assertThat(m).contains("the weather"));
    }

    @Test
    void aSelectionWithoutCampaignGetsAnEmailOnlyDraftThatIsBlocked() {
        Draft draft = selected(ROSE, List.of(), null);
        assertThat(draft.messages()).extracting(Draft.Message::channel).containsOnly("email");
        assertThat(draft.findings()).filteredOn(f -> f.severity().equals(Draft.GuardrailFinding.BLOCK)).extracting(Draft.GuardrailFinding::rule)
                .contains("no-campaign", "postal-address");
        assertThat(draft.campaignId()).isNull();
    }

    @Test
    void aLeadWithoutEmailIsBlockedAndAnOfferingNotWrittenInItsLanguageIsNamed() {
        ScoredLead noEmail = new ScoredLead("x.test", "X", null, List.of(), List.of(), null, null, List.of(), List.of(), List.of(), "default",
                50, "B", List.of(), "m", null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(selected(noEmail, List.of(), Fixtures.campaign()).findings())
                .anyMatch(f -> f.rule().equals("has-recipient") && f.severity().equals(Draft.GuardrailFinding.BLOCK));
        Campaign base = Fixtures.campaign();
        Campaign englishOnly = new Campaign(base.campaignId(), 1, base.name(), base.status(), new Campaign.Offering("OvenBook", "x",
                List.of(new Campaign.Statement("a", "value", "Customers pre-order.", "brief:1", Map.of()))), base.sender(), base.tone(),
                base.callToAction(), List.of("email"), List.of("en", "de"), List.of(), base.sequence(), base.sendPreferences(), "ana",
                base.updatedAt(), base.provenance());
        ScoredLead german = Fixtures.lead("k.test", "Kuchenwerk", "bakery", "Köln", "Wir backen.", "de");
        assertThat(selected(german, List.of(), englishOnly).findings()).anyMatch(f -> f.rule().equals("offering-language"));
    }
}
