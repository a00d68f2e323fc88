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
    void priceRangePremisesHeadcountTeamAndJobsAreReportedAsStated() {
        ScoredLead lead = ScoredLeadSamples.withEvidence(Map.of(
                "priceRange", List.of(FieldValue.of("££", "https://rose.test/", "json-ld", 0.95)),
                "locations", List.of(FieldValue.of("1 Mill Lane, Leeds", "https://rose.test/", "json-ld", 0.95),
                        FieldValue.of("4 Park Row, Leeds", "https://rose.test/shops", "microdata", 0.9)),
                "employees", List.of(FieldValue.of("employ over 40 people", "https://rose.test/about", "heuristic", 0.6)),
                "teamSize", List.of(FieldValue.of("6", "https://rose.test/team", "microdata", 0.9)),
                "openRoles", List.of(FieldValue.of("2: Baker, Driver", "https://rose.test/careers", "json-ld", 0.95))));

        assertThat(new FirmographicHints().of(lead, NOW)).containsExactly(
                new Signal("firmographic", "price_range", "££", "stated at https://rose.test/ (json-ld)"),
                new Signal("firmographic", "locations", "2", "2 premises named: 1 Mill Lane, Leeds; 4 Park Row, Leeds"
                        + " (at https://rose.test/ https://rose.test/shops)"),
                new Signal("firmographic", "employees", "40", "\"employ over 40 people\" at https://rose.test/about (heuristic)"),
                new Signal("firmographic", "team_size", "6", "6 people presented with a job title at https://rose.test/team (microdata)"),
                new Signal("firmographic", "open_roles", "2", "hiring Baker, Driver, posted at https://rose.test/careers (json-ld)"));
    }

    @Test
    void oneAddressIsNoLocationCountAndAHeadcountRangeIsKept() {
        ScoredLead lead = ScoredLeadSamples.withEvidence(Map.of(
                "locations", List.of(FieldValue.of("1 Mill Lane, Leeds", "https://rose.test/", "json-ld", 0.95)),
                "employees", List.of(FieldValue.of("10-49", "https://rose.test/", "json-ld", 0.95))));
        assertThat(new FirmographicHints().of(lead, NOW)).extracting(Signal::name, Signal::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("employees", "10-49"));
    }

    @Test
    void nothingIsGuessedWhenThePagesSayNothingOrSomethingImpossible() {
        assertThat(new FirmographicHints().of(ScoredLeadSamples.withEvidence(Map.of()), NOW)).isEmpty();
        ScoredLead future = ScoredLeadSamples.withEvidence(Map.of("foundingYear",
                List.of(FieldValue.of("2031", "https://rose.test/", "json-ld", 0.9), FieldValue.of("established long ago", "https://rose.test/", "text", 0.5))));
        assertThat(new FirmographicHints().of(future, NOW)).isEmpty();
    }
}
