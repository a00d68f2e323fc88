package dev.leadstream.hitl.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.topics.EventJson;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refused or failed call answers with RFC 9457 problem details ({@link Problem}): a sentence
 * saying why, never an internal class name or a stack trace.
 */
public class ApiError {

    private static final Logger LOG = Logger.getLogger(ApiError.class);

    @ServerExceptionMapper
    public Response map(ApiProblem e, HttpServerRequest request) {
        if (e.status == 503) {
            return busy(e.getMessage(), request.path());
        }
        return Problem.response(e.type, e.status, e.getMessage(), request.path(), e.members);
    }

    private static Response busy(String detail, String path) {
        return Response.fromResponse(Problem.response(ProblemType.BUSY, 503, detail, path, Map.of("retryAfter", 1)))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response map(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original; // a response made on purpose, e.g. the UI's CSRF refusal
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return map(json, request);
        }
        return Problem.response(null, original.getStatus(), e.getMessage(), request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response map(EventJsonError e, HttpServerRequest request) {
        if (e.getCause().getCause() instanceof JsonProcessingException json) {
            return map(json, request);
        }
        return Problem.response(null, 400, "the body must be a JSON object", request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response map(ForbiddenException e, HttpServerRequest request) {
        return Problem.response(null, 403, "your role may not do this", request.path(), Map.of());
    }

    /** A body that is not JSON, or a field of the wrong type: where, not which Java type. */
    @ServerExceptionMapper
    public Response map(JsonProcessingException e, HttpServerRequest request) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[") : null;
        String detail = where != null ? "the body's field " + where + " has the wrong type or shape"
                : "the body is not well-formed JSON" + (e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        return Problem.response(null, 400, detail, request.path(), Map.of());
    }

    /** Needed besides the one above: quarkus-rest-jackson maps this subtype itself, with Java types in its answer. */
    @ServerExceptionMapper
    public Response map(MismatchedInputException e, HttpServerRequest request) {
        return map((JsonProcessingException) e, request);
    }

    /** Anything else: a database refusing a value is the caller's 400; the rest is our 500. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response map(Throwable e, HttpServerRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState() : t instanceof JDBCException j ? j.getSQLState() : null;
            if (state != null) {
                if (state.startsWith("22")) {
                    return Problem.response(ProblemType.INVALID_TEXT, 400,
                            "a value in the request cannot be stored (it holds characters or a value the database refuses)",
                            request.path(), Map.of());
                }
                if (state.equals("23505")) {
                    return Problem.response(null, 409, "another request with this Idempotency-Key or for this thing"
                            + " got there first; reload and try again", request.path(), Map.of());
                }
                if (state.equals("55P03") || state.equals("57014") || state.equals("40P01")) {
                    return busy("another decision holds these leads; try again in a moment", request.path());
                }
            }
            if (t instanceof ApiProblem p) {
                return map(p, request);
            }
            if (t instanceof WebApplicationException w) {
                return map(w, request);
            }
        }
        LOG.errorf(e, "%s %s failed", request.method(), request.path());
        return Problem.response(null, 500, "the server could not complete this request; nothing was changed",
                request.path(), Map.of());
    }

    /** Marker for malformed request bodies read with the contract's JSON reader. */
    public static class EventJsonError extends RuntimeException {
        public EventJsonError(EventJson.MalformedEventException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
