package dev.leadstream.hitl.rest;

import jakarta.ws.rs.WebApplicationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that knows its problem type and the members that explain it, e.g. the limit a field
 * went over or the state a lead is already in. Services throw it; the API answers it as problem
 * details and the UI shows its detail.
 */
public class ApiProblem extends WebApplicationException {

    public final String type;
    public final int status;
    public final Map<String, Object> members;

    public ApiProblem(String type, int status, String detail, Map<String, Object> members) {
        super(detail, status);
        this.type = type;
        this.status = status;
        this.members = new LinkedHashMap<>(members);
    }

    public ApiProblem(int status, String detail) {
        this(null, status, detail, Map.of());
    }

    /** 422 naming the limit: a field, list or number over what the pipeline carries. */
    public static ApiProblem overLimit(String detail, Object limit) {
        return new ApiProblem(Problem.OVER_LIMIT, 422, detail, Map.of("limit", limit));
    }

    /** 413: the whole request or the record it would write is too large. */
    public static ApiProblem tooLarge(String detail, int limitBytes) {
        return new ApiProblem(Problem.TOO_LARGE, 413, detail, Map.of("limit", limitBytes));
    }

    /** 409: the thing was decided already; re-deciding needs an explicit reopen. */
    public static ApiProblem alreadyDecided(String detail, String currentState) {
        return new ApiProblem(Problem.ALREADY_DECIDED, 409, detail, Map.of("currentState", currentState));
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail);
    }
}
