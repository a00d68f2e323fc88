package dev.leadstream.topics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadIdsTest {

    @Test
    void pagesAndSubdomainsOfOneBusinessGiveOneId() {
        assertThat(LeadIds.fromWebsite("www.shop.example.co.uk/contact")).isEqualTo("example.co.uk");
        assertThat(LeadIds.fromWebsite("https://shop.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(LeadIds.fromWebsite("HTTP://WWW.Example.CO.UK.:8080/a?b=c")).isEqualTo("example.co.uk");
    }

    @Test
    void publicSuffixesAreRespected() {
        assertThat(LeadIds.fromWebsite("https://rose.bakery.com.au/")).isEqualTo("bakery.com.au");
        assertThat(LeadIds.fromWebsite("https://a.example.com")).isNotEqualTo(LeadIds.fromWebsite("https://b-example.com"));
        // businesses hosted on a shared platform are distinct businesses
        assertThat(LeadIds.fromWebsite("https://rosebakery.github.io/"))
                .isNotEqualTo(LeadIds.fromWebsite("https://tombrewery.github.io/"));
    }

    @Test
    void unlistedTopLevelDomainsStillGiveOneIdPerSite() {
        assertThat(LeadIds.fromWebsite("http://rose-bakery.test:18080/contact")).isEqualTo("rose-bakery.test");
        assertThat(LeadIds.fromWebsite("http://www.rose-bakery.test/")).isEqualTo("rose-bakery.test");
    }

    @Test
    void internationalDomainsAreCompared() {
        // the canonical form is the ASCII (punycode) one, whichever way the site was written
        assertThat(LeadIds.fromWebsite("https://www.bäckerei.de/")).isEqualTo("xn--bckerei-5wa.de");
        assertThat(LeadIds.fromWebsite("xn--bckerei-5wa.de")).isEqualTo("xn--bckerei-5wa.de");
        assertThat(LeadIds.fromWebsite("https://BÄCKEREI.de")).isEqualTo("xn--bckerei-5wa.de");
    }

    @Test
    void withoutAWebsiteNameAndAddressAreNormalised() {
        String a = LeadIds.fromNameAndAddress("Café Rosé & Co.", "1 Mill Lane, Leeds");
        String b = LeadIds.fromNameAndAddress("  cafe rose and co ", "1 mill lane leeds");
        assertThat(a).isEqualTo(b).startsWith("nap-");
        assertThat(a).isNotEqualTo(LeadIds.fromNameAndAddress("Cafe Rose and Co", "2 Mill Lane, Leeds"));
    }

    @Test
    void nonsenseIsRefusedWithAReason() {
        assertThatThrownBy(() -> LeadIds.fromWebsite("")).hasMessageContaining("no website");
        assertThatThrownBy(() -> LeadIds.fromWebsite("http://")).hasMessageContaining("not a website");
        assertThatThrownBy(() -> LeadIds.fromNameAndAddress(" ", "x")).hasMessageContaining("name");
    }
}
