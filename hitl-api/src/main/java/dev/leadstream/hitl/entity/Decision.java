package dev.leadstream.hitl.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A reviewer's decision, kept for the audit trail; written in the same transaction as its outbox row. */
@Entity
@Table(name = "decisions")
public class Decision {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "lead_id", nullable = false)
    public String leadId;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public String reviewer;

    @Column(name = "idempotency_key", unique = true)
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String comment;

    /** What the request asked, hashed; a key reused for another request is refused. */
    @Column(name = "request_hash")
    public String requestHash;

    /** For a bulk call: its key's scope, shared by every decision the call made. */
    @Column(name = "idempotency_scope")
    public String idempotencyScope;

    /** For a selection, the campaign it was made into; for a regenerate request, the one its draft was written for. */
    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "campaign_version")
    public Integer campaignVersion;

    public static Decision of(String kind, String leadId, String subjectId, String reviewer, String idempotencyKey) {
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.kind = kind;
        decision.leadId = leadId;
        decision.subjectId = subjectId;
        decision.reviewer = reviewer;
        decision.idempotencyKey = idempotencyKey;
        decision.createdAt = Instant.now();
        return decision;
    }
}
