package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.DraftVersion;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.DraftRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Drafts as reviewers read them: one draft, a lead's drafts, the versions reviewers saved. */
@ApplicationScoped
public class DraftQueries {

    private final Mutiny.SessionFactory sessions;
    private final DraftRepository drafts;

    public DraftQueries(Mutiny.SessionFactory sessions, DraftRepository drafts) {
        this.sessions = sessions;
        this.drafts = drafts;
    }

    /** The draft, or 404. */
    public Uni<DraftRow> get(String draftId) {
        return sessions.withSession(session -> drafts.find(session, draftId)).map(row -> {
            if (row == null) {
                throw ApiProblem.notFound("no draft " + draftId);
            }
            return row;
        });
    }

    /** The lead's drafts, the most recently changed first. */
    public Uni<List<DraftRow>> ofLead(String leadId) {
        return sessions.withSession(session -> drafts.ofLead(session, leadId));
    }

    /** The versions reviewers saved, oldest first. */
    public Uni<List<DraftVersion>> versions(String draftId) {
        return sessions.withSession(session -> drafts.versions(session, draftId));
    }
}
