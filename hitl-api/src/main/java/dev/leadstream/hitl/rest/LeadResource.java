package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.repository.DraftRepository;
import dev.leadstream.hitl.repository.LeadQuery;
import dev.leadstream.hitl.repository.LeadRepository;
import dev.leadstream.hitl.service.DecisionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lead table: read it page by page, select leads for outreach. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private static final Set<String> TIERS = Set.of("A", "B", "C", "D");

    private final Mutiny.SessionFactory sessions;
    private final LeadRepository leads;
    private final DraftRepository drafts;
    private final DecisionService decisions;

    public LeadResource(Mutiny.SessionFactory sessions, LeadRepository leads, DraftRepository drafts, DecisionService decisions) {
        this.sessions = sessions;
        this.leads = leads;
        this.drafts = drafts;
        this.decisions = decisions;
    }

    public record LeadPage(List<LeadRepository.LeadRow> items, String next) {
    }

    /** Leads by score, best first. {@code after} is the {@code next} cursor of the previous page. */
    @GET
    public Uni<LeadPage> list(@QueryParam("tier") String tier, @QueryParam("status") String status,
                              @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be between 1 and 500, was " + limit);
        }
        if (tier != null && !TIERS.contains(tier)) {
            throw new BadRequestException("tier must be one of A, B, C, D, was " + tier);
        }
        Cursor cursor = Cursor.parse(after);
        LeadQuery query = new LeadQuery(tier, status, cursor == null ? null : cursor.score(),
                cursor == null ? null : cursor.leadId(), limit);
        return sessions.withSession(session -> leads.page(session, query)).map(rows -> new LeadPage(rows,
                rows.size() < limit ? null : new Cursor(rows.getLast().lead().score(), rows.getLast().leadId()).toString()));
    }

    @GET
    @Path("/{leadId}")
    public Uni<LeadRepository.LeadRow> get(@PathParam("leadId") String leadId) {
        return sessions.withSession(session -> leads.find(session, leadId)).map(row -> {
            if (row == null) {
                throw new NotFoundException("no lead " + leadId);
            }
            return row;
        });
    }

    @GET
    @Path("/{leadId}/drafts")
    public Uni<List<DraftRepository.DraftRow>> drafts(@PathParam("leadId") String leadId) {
        return sessions.withSession(session -> drafts.ofLead(session, leadId));
    }

    /** Chooses the lead for outreach; the persona agent writes its draft. */
    @POST
    @Path("/{leadId}/select")
    public Uni<Response> select(@PathParam("leadId") String leadId, @HeaderParam("X-Reviewer") @DefaultValue("reviewer") String reviewer,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return decisions.selectLead(leadId, reviewer, idempotencyKey).map(d -> Response.accepted(
                Map.of("decisionId", d.id.toString(), "leadId", d.leadId, "kind", d.kind, "reviewer", d.reviewer)).build());
    }

    record Cursor(int score, String leadId) {
        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int colon = text.indexOf(':');
            try {
                return new Cursor(Integer.parseInt(text.substring(0, colon)), text.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new BadRequestException("after must be a cursor from a previous page (score:leadId), was " + text);
            }
        }

        @Override
        public String toString() {
            return score + ":" + leadId;
        }
    }
}
