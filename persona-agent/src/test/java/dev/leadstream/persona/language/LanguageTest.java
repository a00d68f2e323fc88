package dev.leadstream.persona.language;

import dev.leadstream.persona.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    private final LanguageDetector detector = new LanguageDetector();
    private final DraftLanguage languages = new DraftLanguage(detector);

    @Test
    void theDetectorTellsTheFourLanguagesApart() {
        assertThat(detector.detect("We bake sourdough and rye for our neighbours every morning, with flour from the mill.")).contains("en");
        assertThat(detector.detect("Wir backen jeden Morgen Brot und Brötchen mit Mehl aus der Region für unsere Kunden.")).contains("de");
        assertThat(detector.detect("Wij bakken elke ochtend vers brood voor onze klanten, met meel van de molen.")).contains("nl");
        assertThat(detector.detect("Nous préparons chaque matin le pain et les viennoiseries pour nos clients du quartier.")).contains("fr");
    }

    @Test
    void theDetectorDoesNotGuessFromTooLittle() {
        assertThat(detector.detect("Rose Bakery")).isEmpty();
        assertThat(detector.detect("Sourdough, rye, cakes")).isEmpty();
        assertThat(detector.detect(null)).isEmpty();
    }

    @Test
    void theSitesDeclaredLanguageComesFirst() {
        var lead = Fixtures.lead("x.test", "X", "bakery", "Leeds", "We bake bread and cakes for the whole town.", "nl");
        assertThat(languages.of(lead, Fixtures.campaign()).language()).isEqualTo("nl");
    }

    @Test
    void withoutADeclaredLanguageTheDescriptionDecides() {
        var lead = Fixtures.lead("x.test", "X", "bakery", "Lyon", "Nous préparons le pain chaque matin pour nos clients.", null);
        DraftLanguage.Choice choice = languages.of(lead, Fixtures.campaign());
        assertThat(choice.language()).isEqualTo("fr");
        assertThat(choice.reason()).contains("description");
    }

    @Test
    void aLanguageTheCampaignDoesNotWriteInFallsBackToItsOwn() {
        var german = Fixtures.lead("x.test", "X", "bakery", "Köln", "Wir backen Brot.", "de");
        assertThat(languages.of(german, Fixtures.campaign(List.of("fr", "en"), List.of("email"))).language()).isEqualTo("fr");
        var unknown = Fixtures.lead("x.test", "X", "bakery", "Leeds", "Cakes", null);
        assertThat(languages.of(unknown, Fixtures.campaign(List.of("nl", "en"), List.of("email"))).language()).isEqualTo("nl");
        assertThat(languages.of(unknown, null).language()).isEqualTo("en");
        var spanish = Fixtures.lead("x.test", "X", "bakery", "Madrid", "Pan", "es");
        assertThat(languages.of(spanish, null).language()).isEqualTo("en");
    }
}
