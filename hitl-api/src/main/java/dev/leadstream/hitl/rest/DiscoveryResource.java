package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.service.DecisionService;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Ask the scraper to find businesses; the request travels through the outbox to discovery-requests. */
@Path("/api/discovery-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private static final Set<String> SOURCES = Set.of("seed");

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
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return decisions.submitDiscovery(request, reviewer).map(r -> Response.accepted(r).build());
    }

    static List<String> problems(DiscoveryRequest request) {
        List<String> problems = new ArrayList<>();
        if (request.seedUrls().isEmpty()) {
            problems.add("seedUrls must name at least one http(s) URL");
        }
        for (String url : request.seedUrls()) {
            try {
                URI uri = URI.create(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add("seedUrls: not an http(s) URL: " + url);
                }
            } catch (IllegalArgumentException e) {
                problems.add("seedUrls: not a URL: " + url);
            }
        }
        request.sources().stream().filter(s -> !SOURCES.contains(s))
                .forEach(s -> problems.add("sources: unknown source " + s + " (known: " + SOURCES + ")"));
        DiscoveryRequest.Limits limits = request.limits();
        if (limits.maxPages() < 1 || limits.maxLeads() < 1 || limits.maxSeconds() < 1 || limits.maxDepth() < 0) {
            problems.add("limits must be positive (maxDepth may be 0)");
        }
        return problems;
    }
}
