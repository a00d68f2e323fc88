package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.service.DecisionService;
import dev.leadstream.topics.EventJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Every refused call answers with its status and a sentence saying why, as JSON. */
public class ApiError {

    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status, "error", e.getMessage() == null ? "" : e.getMessage())).build();
    }

    /** A conflict over a versioned thing also says which version to reload. */
    @ServerExceptionMapper
    public Response map(DecisionService.VersionConflict e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", 409, "error", e.getMessage(), "currentVersion", e.currentVersion)).build();
    }

    @ServerExceptionMapper
    public Response map(EventJsonError e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("status", 400, "error", e.getMessage())).build();
    }

    /** Marker for malformed request bodies read with the contract's JSON reader. */
    public static class EventJsonError extends RuntimeException {
        public EventJsonError(EventJson.MalformedEventException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
