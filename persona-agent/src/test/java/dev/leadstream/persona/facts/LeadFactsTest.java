package dev.leadstream.persona.facts;

import dev.leadstream.persona.Fixtures;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadFactsTest {

    private final List<Draft.Fact> facts = LeadFacts.of(
            Fixtures.lead("rose.test", "Rose Bakery", "bakery", "Leeds", "Sourdough daily.", "en"), Fixtures.signals("rose.test"));

    private Draft.Fact fact(String id) {
        return new Facts(facts).get(id).orElseThrow(() -> new AssertionError("no fact " + id + " in " + facts));
    }

    @Test
    void everyFieldIsAFactWithThePageItWasReadOn() {
        assertThat(fact("lead:name").value()).isEqualTo("Rose Bakery");
        assertThat(fact("lead:description").sourceUrl()).isEqualTo("https://rose.test/about");
        assertThat(fact("lead:emails:0").sourceUrl()).isEqualTo("https://rose.test/contact");
        assertThat(fact("lead:location.city").value()).isEqualTo("Leeds");
        assertThat(fact("lead:categories:0").value()).isEqualTo("bakery");
        assertThat(fact("lead:site.generator").value()).isEqualTo("WordPress 6.4");
        assertThat(facts).allSatisfy(f -> assertThat(f.sourceUrl()).startsWith("https://rose.test/"));
    }

    @Test
    void signalsAreFactsNamedByTheirNameNumberedWhenTheNameRepeats() {
        assertThat(fact("signal:cms").field()).isEqualTo("technology.cms");
        assertThat(fact("signal:cms").value()).isEqualTo("WordPress");
        assertThat(fact("signal:open_roles").sourceUrl()).isEqualTo("https://rose.test/careers");
        assertThat(fact("signal:rising:0").value()).isEqualTo("sourdough");
        assertThat(fact("signal:rising:1").value()).isEqualTo("rye");
        assertThat(new Facts(facts).has("signal:rising")).isFalse();
    }

    @Test
    void contactSignalsAreNoFactsOfTheirOwn() {
        assertThat(facts).noneMatch(f -> f.field().startsWith("contact."));
        assertThat(LeadFacts.signalIds(List.of(new EnrichedLead.Signal("contact", "email_kind", "role", "a@b.test"),
                new EnrichedLead.Signal("trend", "steady", "x", "y")))).containsExactly(null, "signal:steady");
    }

    @Test
    void theCampaignsStatementsAreFactsInTheDraftsLanguageAndTheSenderToo() {
        Facts campaign = new Facts(CampaignFacts.of(Fixtures.campaign(), "de"));
        assertThat(campaign.value("campaign:pre-orders")).hasValueSatisfying(v -> assertThat(v).startsWith("Ihre Kunden bestellen"));
        assertThat(campaign.get("campaign:price").orElseThrow().sourceUrl()).isEqualTo("https://ovenbook.example/pricing");
        assertThat(campaign.value(CampaignFacts.PRODUCT)).contains("OvenBook");
        assertThat(campaign.value(CampaignFacts.SENDER_ADDRESS)).contains("2 Canal Street, Leeds LS1 4AB, United Kingdom");
        assertThat(CampaignFacts.of(null, "en")).isEmpty();
    }
}
