package dev.leadstream.enrichment.signals;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.SiteProfile;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a reviewer can tell about a business from how its home page was built: the technology it
 * runs (CMS, shop, booking and ordering widgets, analytics and ad tags, chat), whether it is served
 * securely and made for phones, how heavy it is and when it last changed. Every signal quotes the
 * part of the page that gave it away.
 */
public final class WebsiteSignals {

    private final Fingerprints fingerprints;

    public WebsiteSignals(Fingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    public List<Signal> of(SiteProfile site) {
        List<Signal> signals = new ArrayList<>();
        for (Fingerprints.Match match : fingerprints.match(site)) {
            signals.add(new Signal("technology", match.category(), match.name(),
                    match.part().label + " " + match.value() + " on " + site.url()));
        }
        signals.add(new Signal("website", "https", Boolean.toString(site.https()), site.url()));
        boolean mobile = site.viewport() != null && site.viewport().toLowerCase(Locale.ROOT).contains("width=device-width");
        signals.add(new Signal("website", "mobile_viewport", Boolean.toString(mobile), site.viewport() == null
                ? "no <meta name=viewport> on " + site.url() : "<meta name=viewport content=\"" + site.viewport() + "\"> on " + site.url()));
        signals.add(new Signal("website", "page_weight_kb", Long.toString(Math.round(site.pageBytes() / 1024.0)),
                site.pageBytes() + " bytes of HTML from " + site.url()));
        if (site.lastModified() != null) {
            lastModified(site.lastModified()).ifPresent(day -> signals.add(new Signal("website", "last_modified",
                    day.toString(), "Last-Modified: " + site.lastModified() + " from " + site.url())));
        }
        return signals;
    }

    private static Optional<LocalDate> lastModified(String header) {
        try {
            return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
