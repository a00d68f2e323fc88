package dev.leadstream.enrichment;

import dev.leadstream.enrichment.signals.Fingerprints;
import dev.leadstream.enrichment.signals.LeadSignals;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.ScoredLead;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadSignalsTest {

    @Test
    void signalsNameTheirEvidence() {
        ScoredLead lead = ScoredLeadSamples.lead("rose.test", "https://rose.test/", List.of("info@rose.test", "jane@gmail.com"));
        List<Signal> signals = new LeadSignals(Fingerprints.builtIn()).of(lead);

        assertThat(signals).contains(
                new Signal("website", "https", "true", "https://rose.test/"),
                new Signal("contact", "email_kind", "role", "info@rose.test"),
                new Signal("contact", "email_kind", "personal", "jane@gmail.com"),
                new Signal("contact", "email_off_domain", "true", "jane@gmail.com"),
                new Signal("social", "presence", "instagram", "https://www.instagram.com/rose"));
        assertThat(signals).noneMatch(s -> s.name().equals("email_off_domain") && s.evidence().equals("info@rose.test"));
    }
}
