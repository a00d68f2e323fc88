package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.service.DecisionService;
import dev.leadstream.topics.DiscoveryRequestRules;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.DiscoveryRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Ask the scraper to find businesses; the request travels through the outbox to discovery-requests. */
@Path("/api/discovery-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final DecisionService decisions;

    public DiscoveryResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    public Uni<Response> submit(String body, @HeaderParam("X-Reviewer") @DefaultValue("reviewer") String reviewer) {
        DiscoveryRequest request;
        try {
            request = EventJson.read(body, DiscoveryRequest.class);
        } catch (EventJson.MalformedEventException e) {
            throw new ApiError.EventJsonError(e);
        }
        List<String> problems = DiscoveryRequestRules.problems(request);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return decisions.submitDiscovery(request, reviewer).map(r -> Response.accepted(r).build());
    }
}
