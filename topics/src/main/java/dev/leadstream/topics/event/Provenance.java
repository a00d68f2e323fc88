package dev.leadstream.topics.event;

import java.time.Instant;

/** Who produced a record, with which version and model or template, and when. */
public record Provenance(String agent, String version, String model, Instant at) {

    public static Provenance of(String agent, String version, String model) {
        return new Provenance(agent, version, model, Instant.now());
    }
}
