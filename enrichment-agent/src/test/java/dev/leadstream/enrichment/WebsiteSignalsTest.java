package dev.leadstream.enrichment;

import dev.leadstream.enrichment.signals.Fingerprints;
import dev.leadstream.enrichment.signals.WebsiteSignals;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.SiteProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebsiteSignalsTest {

    private static final String URL = "https://rose.test/";

    static SiteProfile wordpressShopWithBookingTagsAndChat() {
        return new SiteProfile(URL, true, "WordPress 6.6.2", "width=device-width, initial-scale=1", 51_200,
                "Thu, 05 Nov 2026 10:00:00 GMT",
                List.of(URL + "wp-includes/js/jquery.min.js", URL + "wp-content/plugins/woocommerce/assets/js/cart.js",
                        "https://www.googletagmanager.com/gtag/js?id=G-ABC123", "https://embed.tawk.to/abc/default"),
                List.of("https://connect.facebook.net/en_US/fbevents.js"), List.of(URL + "wp-content/themes/rose/style.css"),
                List.of(), List.of("https://www.opentable.co.uk/r/rose-leeds", "https://deliveroo.co.uk/menu/leeds/rose"), null);
    }

    @Test
    void recognisesEachTechnologyAndQuotesThePartOfThePageThatGaveItAway() {
        List<Signal> signals = new WebsiteSignals(Fingerprints.builtIn()).of(wordpressShopWithBookingTagsAndChat());

        assertThat(signals).contains(
                new Signal("technology", "cms", "WordPress", "meta generator WordPress 6.6.2 on " + URL),
                new Signal("technology", "ecommerce", "WooCommerce",
                        "script " + URL + "wp-content/plugins/woocommerce/assets/js/cart.js on " + URL),
                new Signal("technology", "booking", "OpenTable", "link https://www.opentable.co.uk/r/rose-leeds on " + URL),
                new Signal("technology", "ordering", "Deliveroo", "link https://deliveroo.co.uk/menu/leeds/rose on " + URL),
                new Signal("technology", "analytics", "Google Analytics",
                        "script https://www.googletagmanager.com/gtag/js?id=G-ABC123 on " + URL),
                new Signal("technology", "ads", "Meta Pixel",
                        "inline script https://connect.facebook.net/en_US/fbevents.js on " + URL),
                new Signal("technology", "chat", "Tawk.to", "script https://embed.tawk.to/abc/default on " + URL),
                new Signal("website", "https", "true", URL),
                new Signal("website", "mobile_viewport", "true",
                        "<meta name=viewport content=\"width=device-width, initial-scale=1\"> on " + URL),
                new Signal("website", "page_weight_kb", "50", "51200 bytes of HTML from " + URL),
                new Signal("website", "last_modified", "2026-11-05", "Last-Modified: Thu, 05 Nov 2026 10:00:00 GMT from " + URL));
        assertThat(signals).filteredOn(s -> s.kind().equals("technology")).extracting(Signal::value)
                .doesNotContain("Shopify", "Wix", "Google Ads").doesNotHaveDuplicates();
    }

    @Test
    void aBarePageGivesNoTechnologyAndSaysThereIsNoViewport() {
        SiteProfile bare = new SiteProfile("http://plain.test/", false, null, null, 900, "not a date",
                List.of(), List.of(), List.of(), List.of(), List.of(), null);
        List<Signal> signals = new WebsiteSignals(Fingerprints.builtIn()).of(bare);

        assertThat(signals).noneMatch(s -> s.kind().equals("technology"));
        assertThat(signals).contains(new Signal("website", "https", "false", "http://plain.test/"),
                new Signal("website", "mobile_viewport", "false", "no <meta name=viewport> on http://plain.test/"));
        assertThat(signals).noneMatch(s -> s.name().equals("last_modified"));
    }

    @Test
    void anExtraFingerprintFileAddsTechnologiesAndReplacesOnesOfTheSameName(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("more.json"), """
                {"technologies": [
                  {"name": "RoseBook", "category": "booking", "links": ["opentable\\\\.co\\\\.uk/r/rose"]},
                  {"name": "WordPress", "category": "cms", "generator": ["^NotWordPress"]}
                ]}""");
        Fingerprints fingerprints = Fingerprints.builtInAnd(Optional.of(extra));
        List<Signal> signals = new WebsiteSignals(fingerprints).of(wordpressShopWithBookingTagsAndChat());

        assertThat(fingerprints.size()).isEqualTo(Fingerprints.builtIn().size() + 1);
        assertThat(signals).extracting(Signal::value).contains("RoseBook", "OpenTable").doesNotContain("WordPress");
    }

    @Test
    void aBrokenFingerprintFileIsRefusedWithWhatIsWrong(@TempDir Path dir) throws IOException {
        Path badPattern = Files.writeString(dir.resolve("bad.json"),
                "{\"technologies\": [{\"name\": \"Broken\", \"category\": \"cms\", \"scripts\": [\"(unclosed\"]}]}");
        Path noPattern = Files.writeString(dir.resolve("empty.json"),
                "{\"technologies\": [{\"name\": \"Nothing\", \"category\": \"cms\"}]}");

        assertThatThrownBy(() -> Fingerprints.builtInAnd(Optional.of(badPattern)))
                .hasMessageContaining("bad.json").hasMessageContaining("Broken").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Fingerprints.builtInAnd(Optional.of(noPattern)))
                .hasMessageContaining("Nothing has no pattern");
    }
}
