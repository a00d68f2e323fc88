package dev.leadstream.scraper;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SamplePages;
import dev.leadstream.scraper.extract.PageExtractor;
import dev.leadstream.scraper.extract.PageFacts;
import dev.leadstream.topics.event.FieldValue;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction against the sample sites, whose true facts are known. */
class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();
    private final List<SampleBusiness> samples = SampleBusinesses.generate(3, 42);

    @Test
    void jsonLdGivesNameContactsAddressAndSocialWithHighConfidence() {
        SampleBusiness b = sample(SampleBusiness.Markup.JSON_LD);
        PageFacts facts = extract(SamplePages.home(b), "http://" + b.host() + "/");
        assertThat(facts.name().value()).isEqualTo(b.name());
        assertThat(facts.name().method()).isEqualTo("json-ld");
        assertThat(values(facts.emails())).containsExactly(b.email());
        assertThat(values(facts.phones())).containsExactly(b.phone().replace(" ", ""));
        assertThat(facts.address().value()).contains(b.street()).contains(b.city());
        assertThat(values(facts.socialProfiles())).containsExactly(b.instagram());
    }

    @Test
    void microdataIsReadWhenThereIsNoJsonLd() {
        SampleBusiness b = sample(SampleBusiness.Markup.MICRODATA);
        PageFacts facts = extract(SamplePages.home(b), "http://" + b.host() + "/");
        assertThat(facts.name().value()).isEqualTo(b.name());
        assertThat(facts.name().method()).isEqualTo("microdata");
        assertThat(values(facts.emails())).containsExactly(b.email());
        assertThat(facts.address().value()).contains(b.street());
    }

    @Test
    void aPlainHomePagePointsToItsContactPageWhereTheObfuscatedEmailIsDecoded() {
        SampleBusiness b = sample(SampleBusiness.Markup.PLAIN_CONTACT_PAGE);
        PageFacts home = extract(SamplePages.home(b), "http://" + b.host() + "/");
        assertThat(home.emails()).isEmpty();
        assertThat(home.contactPageUrls()).containsExactly("http://" + b.host() + "/contact");

        PageFacts contact = extract(SamplePages.contact(b), "http://" + b.host() + "/contact");
        assertThat(values(contact.emails())).containsExactly(b.email());
        assertThat(contact.emails().get(0).method()).isEqualTo("heuristic-obfuscated");
        assertThat(contact.emails().get(0).sourceUrl()).isEqualTo("http://" + b.host() + "/contact");
    }

    @Test
    void imageNamesAreNotEmails() {
        PageFacts facts = extract("<html><body><img src=logo@2x.png> logo@2x.png write to a@b.co</body></html>", "http://x.test/");
        assertThat(values(facts.emails())).containsExactly("a@b.co");
    }

    private SampleBusiness sample(SampleBusiness.Markup markup) {
        return samples.stream().filter(s -> s.markup() == markup).findFirst().orElseThrow();
    }

    private PageFacts extract(String html, String url) {
        return extractor.extract(Jsoup.parse(html, url));
    }

    private static List<String> values(List<FieldValue> values) {
        return values.stream().map(FieldValue::value).toList();
    }
}
