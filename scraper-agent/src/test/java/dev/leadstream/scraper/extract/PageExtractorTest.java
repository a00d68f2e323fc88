package dev.leadstream.scraper.extract;

import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SamplePages;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction against the sample sites, whose true facts are known, and against hand-written pages. */
class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();
    private final List<SampleBusiness> samples = SampleBusinesses.generate(8, 42);

    @ParameterizedTest
    @EnumSource(value = SampleBusiness.Markup.class, names = {"JSON_LD", "MICRODATA", "RDFA"})
    void structuredDataGivesNameContactsAndAddressWithItsMethod(SampleBusiness.Markup markup) {
        SampleBusiness b = sample(markup);
        PageFacts facts = extract(SamplePages.home(b), "http://" + b.host() + "/");
        String method = markup.name().toLowerCase().replace('_', '-');
        assertThat(facts.name().value()).isEqualTo(b.name());
        assertThat(facts.name().method()).isEqualTo(method);
        assertThat(values(facts.emails())).containsExactly(b.email());
        assertThat(values(facts.phones())).containsExactly(b.phone().replace(" ", ""));
        assertThat(facts.address().value()).contains(b.street()).contains(b.city());
        assertThat(facts.address().method()).isEqualTo(method);
        assertThat(facts.language().value()).isEqualTo(b.language());
    }

    @Test
    void jsonLdAlsoGivesSocialProfilesOpeningHoursFoundingYearAndPriceRange() {
        SampleBusiness b = sample(SampleBusiness.Markup.JSON_LD);
        PageFacts facts = extract(SamplePages.home(b), "http://" + b.host() + "/");
        assertThat(values(facts.socialProfiles())).containsExactly(b.instagram());
        assertThat(values(facts.openingHours())).containsExactly("Mo-Sa 08:00-17:00");
        assertThat(facts.foundingYear().value()).isEqualTo("2004");
        assertThat(facts.firmographics().priceRange()).isEqualTo(FieldValue.of("££", "http://" + b.host() + "/", "json-ld", 0.95));
        assertThat(values(facts.categories())).contains("localbusiness");
    }

    @Test
    void aPlainHomePagePointsToItsContactPageWhereTheObfuscatedEmailIsDecoded() {
        SampleBusiness b = sample(SampleBusiness.Markup.PLAIN_CONTACT_PAGE);
        PageFacts home = extract(SamplePages.home(b), "http://" + b.host() + "/");
        assertThat(home.emails()).isEmpty();
        assertThat(home.contactPageUrls()).contains("http://" + b.host() + "/contact");

        PageFacts contact = extract(SamplePages.contact(b), "http://" + b.host() + "/contact");
        assertThat(values(contact.emails())).containsExactly(b.email());
        assertThat(contact.emails().getFirst().method()).isEqualTo("heuristic-obfuscated");
        assertThat(contact.emails().getFirst().sourceUrl()).isEqualTo("http://" + b.host() + "/contact");
        assertThat(values(contact.phones())).containsExactly(b.phone().replace(" ", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jane [at] rose-bakery [dot] co [dot] uk | jane@rose-bakery.co.uk",
            "jane (at) rose-bakery.co.uk | jane@rose-bakery.co.uk",
            "jane AT rose-bakery DOT com | jane@rose-bakery.com",
            "jane{at}rose-bakery{dot}org | jane@rose-bakery.org",
            "jane [AT] rose-bakery [DOT] de | jane@rose-bakery.de"})
    void decodesObfuscatedEmails(String written, String expected) {
        PageFacts facts = extract("<html><body><p>Write to " + written + ". Thanks!</p></body></html>", "http://x.test/");
        assertThat(values(facts.emails())).containsExactly(expected);
    }

    @Test
    void rejectsImageNamesAndPlaceholders() {
        PageFacts facts = extract("<html><body><img src=logo@2x.png> logo@2x.png your@email.com name@example.com "
                + "john.doe@gmail.com a1b2c3d4e5f6a7b8c9d0e1f2@sentry.wixpress.com write to real@rose.co</body></html>",
                "http://x.test/");
        assertThat(values(facts.emails())).containsExactly("real@rose.co");
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({"0113 496 0123, GB, +441134960123", "(503) 555-0123, US, +15035550123",
            "030 1234567, DE, +49301234567", "+44 113 496 0123, US, +441134960123"})
    void phoneNumbersComeOutInE164ReadInTheRequestsRegion(String written, String region, String e164) {
        PageFacts facts = extractor.extract(Jsoup.parse("<html><body>Call us: " + written + "</body></html>", "http://x.test/"), region);
        assertThat(values(facts.phones())).containsExactly(e164);
    }

    @Test
    void readsOpenGraphBusinessDataSocialLinksMapCoordinatesAndHeuristicFacts() {
        String html = """
                <html lang="de-DE"><head><title>Backhaus Linde | Berlin</title>
                <meta property="og:site_name" content="Backhaus Linde">
                <meta property="business:contact_data:email" content="info@backhaus-linde.de">
                <meta property="business:contact_data:street_address" content="Lindenstraße 3">
                <meta property="business:contact_data:locality" content="Berlin"></head>
                <body><p>Family run since 1921.</p>
                <a href="https://www.facebook.com/backhauslinde">Facebook</a>
                <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>
                <a href="https://t.me/backhauslinde">Telegram</a>
                <a href="https://www.google.com/maps/place/x/@52.5200,13.4050,17z">Map</a>
                <a href="/impressum">Impressum</a></body></html>""";
        PageFacts facts = extractor.extract(Jsoup.parse(html, "https://backhaus-linde.de/"), null);
        assertThat(facts.name().value()).isEqualTo("Backhaus Linde");
        assertThat(facts.name().method()).isEqualTo("opengraph");
        assertThat(values(facts.emails())).containsExactly("info@backhaus-linde.de");
        assertThat(facts.address().value()).isEqualTo("Lindenstraße 3, Berlin");
        assertThat(values(facts.socialProfiles()))
                .containsExactly("https://www.facebook.com/backhauslinde", "https://t.me/backhauslinde");
        assertThat(facts.geo().value()).isEqualTo("52.5200,13.4050");
        assertThat(facts.foundingYear().value()).isEqualTo("1921");
        assertThat(facts.language().value()).isEqualTo("de-de");
        assertThat(facts.contactPageUrls()).containsExactly("https://backhaus-linde.de/impressum");
    }

    @Test
    void readsOpeningHoursSpecificationsAndIgnoresItemsThatAreNotBusinesses() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                 {"@type":"WebSite","name":"Not The Business","telephone":"+44 113 496 0999"},
                 {"@type":["Dentist","MedicalBusiness"],"name":"Smile Studio","telephone":"+44 113 496 0555",
                  "geo":{"@type":"GeoCoordinates","latitude":53.8,"longitude":-1.55},
                  "openingHoursSpecification":[{"@type":"OpeningHoursSpecification",
                    "dayOfWeek":["https://schema.org/Monday","https://schema.org/Tuesday"],"opens":"09:00:00","closes":"17:30:00"}]}]}
                </script></head><body></body></html>""";
        PageFacts facts = extractor.extract(Jsoup.parse(html, "https://smile.example/"), "GB");
        assertThat(facts.name().value()).isEqualTo("Smile Studio");
        assertThat(values(facts.phones())).containsExactly("+441134960555");
        assertThat(values(facts.openingHours())).containsExactly("Mo,Tu 09:00-17:30");
        assertThat(facts.geo().value()).isEqualTo("53.8,-1.55");
        assertThat(values(facts.categories())).containsExactly("dentist", "medicalbusiness");
    }

    @Test
    void brokenJsonLdAndBrokenHtmlStillYieldWhatTheTextSays() {
        PageFacts facts = extract("<html><head><script type=application/ld+json>{\"@type\": \"Bakery\", broken</script>"
                + "<title>Crumb | Leeds</title></head><body><div><table><tr><td>mail crumb [at] crumb [dot] test"
                + "<p>0113 496 0777", "http://crumb.test/");
        assertThat(facts.name().value()).isEqualTo("Crumb");
        assertThat(values(facts.emails())).containsExactly("crumb@crumb.test");
        assertThat(values(facts.phones())).containsExactly("+441134960777");
    }

    private SampleBusiness sample(SampleBusiness.Markup markup) {
        return samples.stream().filter(s -> s.markup() == markup).findFirst().orElseThrow();
    }

    @Test
    void teamCareersAndLocationsPagesStateSizeAndReachWithTheirEvidence() {
        SampleBusiness b = SampleBusinesses.generate(12, 42).stream()
                .filter(x -> !SamplePages.branches(x).isEmpty() && !SamplePages.openRoles(x).isEmpty()).findFirst().orElseThrow();
        String site = "http://" + b.host();
        PageFacts facts = extract(SamplePages.home(b), site + "/");
        assertThat(facts.companyPageUrls()).containsExactly(site + "/team", site + "/careers", site + "/locations");
        for (String path : List.of("/team", "/careers", "/locations")) {
            String html = switch (path) {
                case "/team" -> SamplePages.team(b);
                case "/careers" -> SamplePages.careers(b);
                default -> SamplePages.locations(b);
            };
            facts.absorb(extract(html, site + path));
        }
        Firmographics stated = facts.firmographics();
        // the main premises is on the home page and on the locations page: counted once
        assertThat(stated.locations()).hasSize(1 + SamplePages.branches(b).size());
        assertThat(stated.locations()).allSatisfy(l -> assertThat(l.value()).contains(b.city()));
        assertThat(stated.teamSize()).isEqualTo(FieldValue.of(Integer.toString(SamplePages.teamSize(b)), site + "/team", "microdata", 0.9));
        assertThat(stated.employees().value()).isEqualTo(SamplePages.headcount(b));
        assertThat(stated.openRoles().value())
                .isEqualTo(SamplePages.openRoles(b).size() + ": " + String.join(", ", SamplePages.openRoles(b)));
        assertThat(stated.openRoles().sourceUrl()).isEqualTo(site + "/careers");
    }

    @Test
    void aCareersPageWithoutPostingsAndAPageWithoutFactsStateNothing() {
        SampleBusiness b = SampleBusinesses.generate(12, 42).stream()
                .filter(x -> SamplePages.openRoles(x).isEmpty()).findFirst().orElseThrow();
        assertThat(extract(SamplePages.careers(b), "http://" + b.host() + "/careers").firmographics()).isNull();
        assertThat(extract("<html><body><p>Fresh bread daily. 12 loaves left.</p></body></html>", "http://x.test/")
                .firmographics()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "We are a small team of 12 bakers.|a small team of 12",
            "Today we employ over 40 people across Leeds.|employ over 40 people",
            "With 25 staff and two vans|25 staff",
            "Our 8 full-time team members|8 full-time team members",
            "Wir sind ein kleines Team von 12 Leuten.|ein kleines Team von 12",
            "Wij zijn een team van ruim 20 mensen.|een team van ruim 20",
            "Nous sommes une équipe de 5 passionnés.|une équipe de 5"})
    void aStatedHeadcountIsQuotedAsWritten(String sentence, String quoted) {
        PageFacts facts = extract("<html><body><p>" + sentence + "</p></body></html>", "http://x.test/about");
        assertThat(facts.firmographics().employees()).isEqualTo(FieldValue.of(quoted, "http://x.test/about", "heuristic", 0.6));
    }

    @Test
    void schemaOrgHeadcountDepartmentsAndStaffAreRead() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"Restaurant\",\"name\":\"Copper Kitchen\",\"priceRange\":\"$$$\","
                + "\"numberOfEmployees\":{\"@type\":\"QuantitativeValue\",\"minValue\":10,\"maxValue\":49},"
                + "\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":\"1 Dock St\",\"addressLocality\":\"Hull\"},"
                + "\"department\":[{\"@type\":\"Restaurant\",\"name\":\"Copper Kitchen York\",\"address\":{"
                + "\"@type\":\"PostalAddress\",\"streetAddress\":\"9 Stonegate\",\"addressLocality\":\"York\"}}],"
                + "\"employee\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\",\"jobTitle\":\"Chef\"},"
                + "{\"@type\":\"Person\",\"name\":\"Bob Ray\"}]}</script></head><body></body></html>";
        Firmographics stated = extract(html, "https://copper.test/").firmographics();
        assertThat(stated.priceRange().value()).isEqualTo("$$$");
        assertThat(stated.employees().value()).isEqualTo("10-49");
        assertThat(values(stated.locations())).containsExactly("1 Dock St, Hull", "9 Stonegate, York");
        assertThat(stated.teamSize().value()).isEqualTo("1"); // a person without a job title is not counted as staff
    }

    private PageFacts extract(String html, String url) {
        return extractor.extract(Jsoup.parse(html, url), "GB");
    }

    private static List<String> values(List<FieldValue> values) {
        return values.stream().map(FieldValue::value).toList();
    }
}
