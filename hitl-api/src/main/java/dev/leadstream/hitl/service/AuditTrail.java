package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.AuditEntry;
import dev.leadstream.hitl.model.AuditFilter;
import dev.leadstream.hitl.repository.AuditRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** The audit trail as reviewers read it, newest first. */
@ApplicationScoped
public class AuditTrail {

    private final Mutiny.SessionFactory sessions;
    private final AuditRepository audit;

    public AuditTrail(Mutiny.SessionFactory sessions, AuditRepository audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A page of entries; {@code beforeAt}/{@code beforeId} name the previous page's last entry (null for the first page). */
    public Uni<List<AuditEntry>> page(AuditFilter filter, String beforeAt, String beforeId, int limit) {
        return sessions.withSession(session -> audit.page(session, filter, beforeAt, beforeId, limit));
    }
}
