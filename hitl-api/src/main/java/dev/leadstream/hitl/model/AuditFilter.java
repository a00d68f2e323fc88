package dev.leadstream.hitl.model;

import java.time.Instant;

/** What the audit trail is narrowed to; every field is optional. */
public record AuditFilter(String leadId, String actor, String type, Instant from, Instant to) {
}
