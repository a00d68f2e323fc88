package dev.leadstream.hitl.model;

import java.util.Map;

/** One entry of the audit trail: an agent's action or a reviewer's decision. */
public record AuditEntry(String id, String at, String actor, String actorKind, String type, String leadId,
                         String subjectId, Map<String, Object> detail) {
}
