package dev.leadstream.scraper.extract;

import dev.leadstream.topics.event.SiteProfile;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SiteProfileReaderTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private final SiteProfileReader reader = new SiteProfileReader();

    @Test
    void notesWhatThePageIsBuiltWithAsAbsoluteUrls() {
        String html = """
                <html><head>
                <meta name="generator" content="WordPress 6.6.2">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/wp-content/themes/rose/style.css">
                <link rel="icon" href="/favicon.ico">
                <script src="/wp-includes/js/jquery.min.js"></script>
                <script>(function(w,d){var s=d.createElement('script');s.src='https://www.googletagmanager.com/gtm.js?id=GTM-1';})(window,document);</script>
                </head><body>
                <a href="/menu">Menu</a> <a href="https://www.rose.test/about">About</a>
                <a href="https://www.opentable.co.uk/r/rose-leeds">Book a table</a>
                <form action="https://ordering.chownow.com/order/1"></form>
                <iframe src="https://calendly.com/rose/tasting"></iframe>
                </body></html>""";
        SiteProfile site = reader.read(Jsoup.parse(html, "https://rose.test/"), html.length(), "Thu, 05 Nov 2026 10:00:00 GMT", AT);

        assertThat(site.https()).isTrue();
        assertThat(site.generator()).isEqualTo("WordPress 6.6.2");
        assertThat(site.viewport()).startsWith("width=device-width");
        assertThat(site.pageBytes()).isEqualTo(html.length());
        assertThat(site.lastModified()).isEqualTo("Thu, 05 Nov 2026 10:00:00 GMT");
        assertThat(site.stylesheets()).containsExactly("https://rose.test/wp-content/themes/rose/style.css");
        assertThat(site.scripts()).containsExactly("https://rose.test/wp-includes/js/jquery.min.js");
        assertThat(site.inlineUrls()).containsExactly("https://www.googletagmanager.com/gtm.js?id=GTM-1");
        assertThat(site.iframes()).containsExactly("https://calendly.com/rose/tasting");
        assertThat(site.links()).as("only links that leave the site")
                .containsExactly("https://www.opentable.co.uk/r/rose-leeds", "https://ordering.chownow.com/order/1");
        assertThat(site.fetchedAt()).isEqualTo(AT);
    }

    @Test
    void aPlainPageOverHttpHasNoGeneratorNoViewportAndNothingEmbedded() {
        SiteProfile site = reader.read(Jsoup.parse("<p>Hello", "http://plain.test/"), 8, null, AT);
        assertThat(site.https()).isFalse();
        assertThat(site.generator()).isNull();
        assertThat(site.viewport()).isNull();
        assertThat(site.scripts()).isEmpty();
        assertThat(site.links()).isEmpty();
    }

    @Test
    void theDeclaredLanguageIsKeptAsItsPrimaryTwoLetterTag() {
        assertThat(reader.read(Jsoup.parse("<html lang=\"de-AT\"><p>Hallo", "https://a.test/"), 8, null, AT).language()).isEqualTo("de");
        assertThat(reader.read(Jsoup.parse("<html lang=\"NL\"><p>Hoi", "https://a.test/"), 8, null, AT).language()).isEqualTo("nl");
        assertThat(reader.read(Jsoup.parse("<html lang=\"x-klingon\"><p>?", "https://a.test/"), 8, null, AT).language()).isNull();
        assertThat(reader.read(Jsoup.parse("<p>Hello", "https://a.test/"), 8, null, AT).language()).isNull();
    }

    @Test
    void listsAreCappedSoARecordStaysSmall() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            html.append("<script src=\"/js/").append(i).append(".js\"></script><a href=\"https://other").append(i).append(".test/\">x</a>");
        }
        SiteProfile site = reader.read(Jsoup.parse(html.toString(), "https://big.test/"), html.length(), null, AT);
        assertThat(site.scripts()).hasSize(SiteProfileReader.MAX_URLS);
        assertThat(site.links()).hasSize(SiteProfileReader.MAX_URLS);
    }
}
