package dev.leadstream.local.sample;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SampleBusinessesTest {

    private final List<SampleBusiness> demo = SampleBusinesses.generate(12, 42);

    @Test
    void theSameSeedGivesTheSameBusinesses() {
        assertThat(SampleBusinesses.generate(12, 42)).isEqualTo(demo);
        assertThat(SampleBusinesses.generate(12, 7)).isNotEqualTo(demo);
    }

    @Test
    void theDemosTwelveAreInBritainGermanyTheNetherlandsAndFranceEachInItsLanguage() {
        Map<String, String> languageByCountry = demo.stream()
                .collect(Collectors.toMap(SampleBusiness::country, SampleBusiness::language, (a, b) -> a));
        assertThat(languageByCountry).containsExactlyInAnyOrderEntriesOf(Map.of("GB", "en", "DE", "de", "NL", "nl", "FR", "fr"));
        assertThat(SampleBusinesses.generate(7, 42)).extracting(SampleBusiness::country).contains("GB", "DE", "NL", "FR");
        assertThat(demo).extracting(SampleBusiness::name).contains("Rose Bakery", "Zahnarztpraxis Linde",
                "Brouwerij De Eik", "Librairie des Tilleuls");
    }

    @Test
    void everyPageIsWrittenInTheBusinesssLanguage() {
        for (SampleBusiness b : demo) {
            for (String page : List.of(SamplePages.home(b), SamplePages.contact(b), SamplePages.team(b),
                    SamplePages.careers(b), SamplePages.locations(b), SamplePages.scripted(b))) {
                assertThat(page).startsWith("<!doctype html><html lang=\"" + b.language() + "\">");
            }
            assertThat(SamplePages.team(b)).contains(SamplePages.headcount(b));
        }
        SampleBusiness german = demo.get(1);
        assertThat(SamplePages.home(german)).contains("Öffnungszeiten", "Über uns", "Alle Rechte vorbehalten");
        assertThat(SamplePages.contact(german)).contains("<address>" + german.street() + ", " + german.postcode() + " Berlin");
        assertThat(SamplePages.contact(demo.get(0))).contains("<address>" + demo.get(0).street() + ", Manchester "
                + demo.get(0).postcode());
    }

    @Test
    void everyPhoneIsAValidNumberOfItsCountry() throws NumberParseException {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        for (SampleBusiness b : SampleBusinesses.generate(120, 3)) {
            Phonenumber.PhoneNumber number = phones.parse(b.phone(), "ZZ");
            assertThat(phones.isValidNumber(number)).as(b.phone()).isTrue();
            assertThat(phones.getRegionCodeForNumber(number)).as(b.phone()).isEqualTo(b.country());
        }
    }

    @Test
    void namesBecomeAsciiHostsOnePerBusiness() {
        List<SampleBusiness> many = SampleBusinesses.generate(200, 42);
        assertThat(many).extracting(SampleBusiness::host).doesNotHaveDuplicates()
                .allMatch(host -> host.matches("[a-z0-9]+(-[a-z0-9]+)*\\.test"));
        assertThat(SampleBusinesses.slug("Bäckerei Krüger")).isEqualTo("baeckerei-krueger");
        assertThat(SampleBusinesses.slug("Boulangerie du Chêne")).isEqualTo("boulangerie-du-chene");
    }
}
