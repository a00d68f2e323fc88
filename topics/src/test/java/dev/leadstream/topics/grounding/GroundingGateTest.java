package dev.leadstream.topics.grounding;

import dev.leadstream.topics.event.Draft;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroundingGateTest {

    static final String PAGE = "https://rose-bakery.example/about";
    static final List<Draft.Fact> FACTS = List.of(
            new Draft.Fact("lead:name", "lead", "name", "Rose Bakery", PAGE),
            new Draft.Fact("lead:location.city", "lead", "location.city", "Leeds", PAGE),
            new Draft.Fact("lead:description", "lead", "description", "Sourdough and rye, baked daily since 2012", PAGE),
            new Draft.Fact("signal:cms", "signal", "cms", "WordPress", PAGE),
            new Draft.Fact("campaign:price", "campaign", "price", "From GBP 29 a month.", "https://ovenbook.example/pricing"),
            new Draft.Fact("campaign:pre-orders", "campaign", "value", "Kunden bestellen Brot zur Abholung vor.", "brief:3"));

    static Draft.Statement statement(String text, String... facts) {
        return new Draft.Statement("s", text, "lead", List.of(facts), Draft.Statement.UNCHECKED, null);
    }

    static Draft.Statement checked(String text, String... facts) {
        return GroundingGate.check(statement(text, facts), FACTS, "en");
    }

    @Test
    void aSentenceWhoseNamesAndNumbersAreInItsFactsIsSupported() {
        assertThat(checked("I saw that Rose Bakery has baked in Leeds since 2012.", "lead:name", "lead:location.city", "lead:description"))
                .extracting(Draft.Statement::status, Draft.Statement::reason)
                .containsExactly(Draft.Statement.SUPPORTED, null);
        assertThat(checked("It costs from GBP 29 a month.", "campaign:price").status()).isEqualTo(Draft.Statement.SUPPORTED);
    }

    @Test
    void anInventedAwardYearIsUnsupportedAndNamed() {
        Draft.Statement award = checked("Rose Bakery has been award-winning since 1990.", "lead:name");
        assertThat(award.status()).isEqualTo(Draft.Statement.UNSUPPORTED);
        assertThat(award.reason()).contains("1990");
    }

    @Test
    void aNumberMatchesOnlyAsAWholeNumber() {
        assertThat(checked("It costs GBP 2 a month.", "campaign:price").status()).isEqualTo(Draft.Statement.UNSUPPORTED);
        assertThat(checked("It costs GBP 1,290 a month.", "campaign:price").status()).isEqualTo(Draft.Statement.UNSUPPORTED);
    }

    @Test
    void aProperNameOrCityNotCitedIsUnsupportedEvenWhenAnotherFactHasIt() {
        assertThat(checked("Your shop in Leeds looks busy.", "lead:name").reason()).contains("leeds");
        assertThat(checked("Your shop in York looks busy.", "lead:location.city").reason()).contains("york");
    }

    @Test
    void aNamedTechnologyCountsInAnyCase() {
        assertThat(checked("Your site runs on wordpress.", "lead:name").status()).isEqualTo(Draft.Statement.UNSUPPORTED);
        assertThat(checked("Your site runs on wordpress.", "signal:cms").status()).isEqualTo(Draft.Statement.SUPPORTED);
        assertThat(checked("Your site runs on shopify.", "signal:cms").reason()).contains("shopify");
    }

    @Test
    void urlsAndAddressesMustBeCited() {
        assertThat(checked("See https://ovenbook.example/pricing for details.", "campaign:price").status())
                .isEqualTo(Draft.Statement.SUPPORTED);
        assertThat(checked("See https://cheap-ovens.example/ for details.", "campaign:price").reason())
                .contains("cheap-ovens.example");
    }

    @Test
    void aPostcodeIsOneTokenThatTheAddressMustCarry() {
        List<Draft.Fact> facts = List.of(new Draft.Fact("sender:postalAddress", "sender", "postalAddress",
                "2 Minster Yard, York YO1 7HH, United Kingdom", "brief:1"));
        assertThat(GroundingGate.check(statement("OvenBook Ltd, 2 Minster Yard, York YO1 7HH", "sender:postalAddress"), facts, "en").reason())
                .as("the company is in no cited fact").contains("ltd");
        assertThat(GroundingGate.check(statement("Write to 2 Minster Yard, York YO1 7HH.", "sender:postalAddress"), facts, "en").status())
                .isEqualTo(Draft.Statement.SUPPORTED);
        assertThat(GroundingGate.check(statement("Write to 2 Minster Yard, York YO1 7HX.", "sender:postalAddress"), facts, "en").reason())
                .contains("7hx");
    }

    @Test
    void aPostcodeIsCarriedByTheAddressThatHasIt() {
        Draft.Fact address = new Draft.Fact("sender:postalAddress", "sender", "postalAddress", "2 Canal Street, Leeds LS1 4AB", "brief:1");
        Draft.Statement footer = statement("2 Canal Street, Leeds LS1 4AB", "sender:postalAddress");
        assertThat(GroundingGate.check(footer, List.of(address), "en").status()).isEqualTo(Draft.Statement.SUPPORTED);
        Draft.Statement other = statement("2 Canal Street, Leeds LS9 4AB", "sender:postalAddress");
        assertThat(GroundingGate.check(other, List.of(address), "en").reason()).contains("9");
    }

    @Test
    void aCitationOfAnUnknownFactIsUnsupported() {
        assertThat(checked("Hello there.", "lead:phone").reason()).contains("lead:phone");
    }

    @Test
    void aSentenceThatClaimsNothingIsSupportedWithoutFacts() {
        assertThat(checked("Would you be open to a short call next week?").status()).isEqualTo(Draft.Statement.SUPPORTED);
    }

    @Test
    void germanNounsAreNotProperNamesButGermanPlacesAre() {
        Draft.Statement nouns = GroundingGate.check(statement("Ihre Kunden bestellen Brot zur Abholung vor.", "campaign:pre-orders"), FACTS, "de");
        assertThat(nouns.status()).isEqualTo(Draft.Statement.SUPPORTED);
        Draft.Statement place = GroundingGate.check(statement("Ich habe Ihre Bäckerei in Köln gesehen.", "lead:name"), FACTS, "de");
        assertThat(place.reason()).contains("koln");
    }

    @Test
    void anEditedTextKeepsTheCitationsOfUnchangedSentencesAndChecksNewOnes() {
        Draft.Statement kept = GroundingGate.check(statement("Rose Bakery bakes sourdough.", "lead:name", "lead:description"), FACTS, "en");
        List<Draft.Statement> rechecked = GroundingGate.recheck(
                "Rose Bakery bakes sourdough. You are the best bakery in Leeds.\nWe have won 3 awards since 1990!",
                List.of(kept), FACTS, "en");
        assertThat(rechecked).extracting(Draft.Statement::status).containsExactly(
                Draft.Statement.SUPPORTED, Draft.Statement.SUPPORTED, Draft.Statement.UNSUPPORTED);
        assertThat(rechecked.get(0).factIds()).containsExactly("lead:name", "lead:description");
        assertThat(rechecked.get(1).factIds()).containsExactly("lead:location.city");
        assertThat(rechecked.get(2).reason()).contains("3");
    }
}
