package dev.leadstream.scoring;

import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;

import java.time.Instant;
import java.util.List;
import java.util.Map;

final class Leads {

    static final Map<String, Double> PRIOR = Map.of("has_email", 30.0, "has_phone", 20.0, "has_address", 10.0,
            "has_name", 10.0, "has_description", 5.0, "has_social", 10.0, "https_website", 5.0, "structured_data", 10.0);

    static RawLead page(String leadId, String pageUrl, String name, String email, String phone) {
        return new RawLead(leadId, "req-1", "https://" + leadId + "/", pageUrl, "seed",
                name == null ? null : FieldValue.of(name, pageUrl, "json-ld", 0.95),
                email == null ? List.of() : List.of(FieldValue.of(email, pageUrl, "mailto", 0.9)),
                phone == null ? List.of() : List.of(FieldValue.of(phone, pageUrl, "tel", 0.9)),
                null, null, null, List.of(), List.of(), List.of(), null, null, List.of(pageUrl), Instant.now(),
                Provenance.of("test", "1", null));
    }

    private Leads() {
    }
}
