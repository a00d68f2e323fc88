package dev.leadstream.enrichment;

import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;

final class ScoredLeadSamples {

    static ScoredLead lead(String leadId, String website, List<String> emails) {
        return new ScoredLead(leadId, "Rose Bakery", website, emails, List.of(), null, null,
                List.of("https://www.instagram.com/rose"), List.of(), List.of(website), "default", 60, "B", List.of(),
                "prior-v1", Provenance.of("test", "1", null), null, null, null, null, null, null, null, null, null, null, null);
    }

    private ScoredLeadSamples() {
    }
}
