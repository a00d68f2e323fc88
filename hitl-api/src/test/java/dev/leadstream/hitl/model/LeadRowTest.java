package dev.leadstream.hitl.model;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadRowTest {

    @Test
    void theTableShowsTechnologyThenSizeThenTrendsThenLookalikesAndOneHeadcount() {
        List<Signal> signals = List.of(
                new Signal("lookalike", "score", "71", "nearest lead that engaged: rose.test"),
                new Signal("trend", "steady", "bakery × leeds", "12 leads"),
                new Signal("firmographic", "years_in_business", "22", "founded 2004"),
                new Signal("firmographic", "team_size", "6", "6 people on /team"),
                new Signal("firmographic", "employees", "6", "\"a team of 6\""),
                new Signal("contact", "role_email", "true", "hello@"),
                new Signal("technology", "cms", "WordPress", "meta generator"));
        LeadRow row = new LeadRow("oak.test", "new", 1, null, signals);

        assertThat(row.highlights()).extracting(Signal::name).containsExactly("cms", "employees", "steady", "score");
        assertThat(new LeadRow("oak.test", "new", 1, null, List.of(signals.get(3))).highlights())
                .extracting(Signal::name).containsExactly("team_size");
    }
}
