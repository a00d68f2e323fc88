package dev.leadstream.enrichment;

import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;
import java.util.Map;

final class ScoredLeadSamples {

    static ScoredLead lead(String leadId, String website, List<String> emails) {
        return new ScoredLead(leadId, "Rose Bakery", website, emails, List.of(), null, null,
                List.of("https://www.instagram.com/rose"), List.of(), List.of(website), "default", 60, "B", List.of(),
                "prior-v1", Provenance.of("test", "1", null), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static ScoredLead withEvidence(Map<String, List<FieldValue>> evidence) {
        return new ScoredLead("rose.test", "Rose Bakery", "https://rose.test/", List.of(), List.of(), null, null, List.of(),
                List.of(), List.of("https://rose.test/"), "default", 60, "B", List.of(), "prior-v1", Provenance.of("test", "1", null),
                null, null, null, null, null, null, null, evidence, null, null, null, null);
    }

    private ScoredLeadSamples() {
    }
}
