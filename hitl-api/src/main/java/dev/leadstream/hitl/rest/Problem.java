package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.ProblemType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}): type, title, status,
 * detail and instance, plus members that say more, such as {@code limit} or {@code currentState}.
 * Every 4xx and 5xx of the API answers with one; our own types are in {@link ProblemType}.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** The body: the standard members first, then the extra ones. */
    public static Map<String, Object> body(String type, int status, String detail, String instance, Map<String, Object> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type == null ? "about:blank" : type);
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? title(status) : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        members.forEach(body::putIfAbsent);
        return body;
    }

    public static Response response(String type, int status, String detail, String instance, Map<String, Object> members) {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE))
                .entity(body(type, status, detail, instance, members)).build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not signed in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Busy, try again";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : status >= 500 ? "Server error" : "Client error";
            }
        };
    }
}
