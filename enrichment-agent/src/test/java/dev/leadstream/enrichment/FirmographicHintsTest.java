package dev.leadstream.enrichment;

import dev.leadstream.enrichment.signals.FirmographicHints;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.ScoredLead;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FirmographicHintsTest {

    private static final Year NOW = Year.of(2026);

    @Test
    void aStatedFoundingYearGivesYearsInBusinessWithWhereItWasStated() {
        ScoredLead lead = ScoredLeadSamples.withEvidence(Map.of(
                "foundingYear", List.of(FieldValue.of("Since 1987", "https://rose.test/about", "text", 0.6),
                        FieldValue.of("1991", "https://rose.test/", "json-ld", 0.95)),
                "openingHours", List.of(FieldValue.of("Mo-Fr 07:00-17:00", "https://rose.test/", "json-ld", 0.9))));

        assertThat(new FirmographicHints().of(lead, NOW)).containsExactly(
                new Signal("firmographic", "years_in_business", "35", "founded 1991, stated at https://rose.test/ (json-ld)"),
                new Signal("firmographic", "opening_hours", "Mo-Fr 07:00-17:00", "stated at https://rose.test/"));
    }

    @Test
    void nothingIsGuessedWhenThePagesSayNothingOrSomethingImpossible() {
        assertThat(new FirmographicHints().of(ScoredLeadSamples.withEvidence(Map.of()), NOW)).isEmpty();
        ScoredLead future = ScoredLeadSamples.withEvidence(Map.of("foundingYear",
                List.of(FieldValue.of("2031", "https://rose.test/", "json-ld", 0.9), FieldValue.of("established long ago", "https://rose.test/", "text", 0.5))));
        assertThat(new FirmographicHints().of(future, NOW)).isEmpty();
    }
}
