package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.service.DecisionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Map;

/** Drafts written by the persona agent: read them, approve them as final content. */
@Path("/api/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    private final Mutiny.SessionFactory sessions;
    private final DraftRepository drafts;
    private final DecisionService decisions;

    public DraftResource(Mutiny.SessionFactory sessions, DraftRepository drafts, DecisionService decisions) {
        this.sessions = sessions;
        this.drafts = drafts;
        this.decisions = decisions;
    }

    @GET
    @Path("/{draftId}")
    public Uni<DraftRepository.DraftRow> get(@PathParam("draftId") String draftId) {
        return sessions.withSession(session -> drafts.find(session, draftId)).map(row -> {
            if (row == null) {
                throw new NotFoundException("no draft " + draftId);
            }
            return row;
        });
    }

    /** Approves the draft as it stands; the outreach agent sends it. */
    @POST
    @Path("/{draftId}/approve")
    public Uni<Response> approve(@PathParam("draftId") String draftId, @HeaderParam("X-Reviewer") @DefaultValue("reviewer") String reviewer,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return decisions.approveDraft(draftId, reviewer, idempotencyKey).map(d -> Response.accepted(
                Map.of("decisionId", d.id.toString(), "draftId", d.subjectId, "kind", d.kind, "reviewer", d.reviewer)).build());
    }
}
