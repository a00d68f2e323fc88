package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.DraftVersion;
import dev.leadstream.hitl.model.GenerationFilter;
import dev.leadstream.hitl.model.GenerationRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.GenerationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * Drafts as reviewers read them: one draft, a lead's drafts, the versions after the first, and
 * where generation stands for each selection.
 */
@ApplicationScoped
public class DraftQueries {

    private final Mutiny.SessionFactory sessions;
    private final DraftRepository drafts;
    private final GenerationRepository generations;

    public DraftQueries(Mutiny.SessionFactory sessions, DraftRepository drafts, GenerationRepository generations) {
        this.sessions = sessions;
        this.drafts = drafts;
        this.generations = generations;
    }

    /** Selections and their drafts, most recently changed first; 400 for a status that is none of {@link GenerationRow#STATUSES}. */
    public Uni<List<GenerationRow>> generations(GenerationFilter filter) {
        if (filter.status() != null && !GenerationRow.STATUSES.contains(filter.status())) {
            throw ApiProblem.badRequest("status must be one of " + String.join(", ", GenerationRow.STATUSES));
        }
        return sessions.withSession(session -> generations.list(session, filter));
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

    /** The versions after the first (a reviewer's edit or a regeneration), oldest first. */
    public Uni<List<DraftVersion>> versions(String draftId) {
        return sessions.withSession(session -> drafts.versions(session, draftId));
    }
}
