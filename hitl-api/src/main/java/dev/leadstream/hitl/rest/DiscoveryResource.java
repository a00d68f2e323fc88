package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.model.DiscoveryRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.DecisionService;
import dev.leadstream.hitl.service.DiscoveryQueries;
import dev.leadstream.topics.DiscoveryRequestRules;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.DiscoveryRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Ask the scraper to find businesses; the request travels through the outbox to discovery-requests. */
@Path("/api/discovery-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class DiscoveryResource {

    private final SecurityIdentity identity;
    private final DecisionService decisions;
    private final DiscoveryQueries discoveries;

    public DiscoveryResource(DecisionService decisions, DiscoveryQueries discoveries, SecurityIdentity identity) {
        this.identity = identity;
        this.decisions = decisions;
        this.discoveries = discoveries;
    }

    /** The latest requests, newest first, each with its progress and how many leads it produced so far. */
    @GET
    public Uni<List<DiscoveryRow>> recent(@QueryParam("limit") String limitParam) {
        int limit = Params.intParam("limit", limitParam, 50, 1, 500);
        return discoveries.recent(limit);
    }

    /**
     * One request: what was asked, its live progress (null until the scraper reports), and the
     * number of leads it produced; {@code GET /api/leads?requestId=...} lists them.
     */
    @GET
    @Path("/{requestId}")
    public Uni<DiscoveryRow> get(@PathParam("requestId") String requestId) {
        return discoveries.get(requestId);
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    public Uni<Response> submit(byte[] body) {
        DiscoveryRequest request;
        try {
            // read as bytes, so bytes that are not UTF-8 are refused rather than replaced
            request = EventJson.read(body == null || body.length == 0 ? null : body, DiscoveryRequest.class);
        } catch (EventJson.MalformedEventException e) {
            throw new ApiError.EventJsonError(e);
        }
        if (request == null) {
            throw new BadRequestException("the body must be a discovery request, a JSON object");
        }
        checkText(request);
        List<DiscoveryRequestRules.OverLimit> over = DiscoveryRequestRules.overLimits(request);
        if (!over.isEmpty()) {
            throw ApiProblem.overLimit(String.join("; ", over.stream().map(DiscoveryRequestRules.OverLimit::problem).toList()),
                    over.getFirst().limit());
        }
        List<String> problems = DiscoveryRequestRules.problems(request);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return decisions.submitDiscovery(request, reviewer()).map(r -> Response.accepted(r).build());
    }

    private static void checkText(DiscoveryRequest request) {
        TextRules.check("sector", request.sector(), Integer.MAX_VALUE);
        TextRules.check("geography", request.geography(), Integer.MAX_VALUE);
        TextRules.check("businessList", request.businessList(), Integer.MAX_VALUE);
        TextRules.checkAll("keywords", request.keywords(), Integer.MAX_VALUE, Integer.MAX_VALUE);
        TextRules.checkAll("seedUrls", request.seedUrls(), Integer.MAX_VALUE, Integer.MAX_VALUE);
        TextRules.checkAll("sources", request.sources(), Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Decisions record who made them: the signed-in reviewer. */
    private String reviewer() {
        return identity.getPrincipal().getName();
    }
}
