package dev.leadstream.hitl.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that knows its problem type, its status and the members that explain it, e.g. the
 * limit a field went over or the state a lead is already in. Services and checks throw it; the
 * API answers it as RFC 9457 problem details (see {@code rest.ApiError}) and the UI shows its detail.
 */
public class ApiProblem extends RuntimeException {

    public final String type;
    public final int status;
    public final Map<String, Object> members;

    public ApiProblem(String type, int status, String detail, Map<String, Object> members) {
        super(detail);
        this.type = type;
        this.status = status;
        this.members = new LinkedHashMap<>(members);
    }

    public ApiProblem(int status, String detail) {
        this(null, status, detail, Map.of());
    }

    /** 422 naming the limit: a field, list or number over what the pipeline carries. */
    public static ApiProblem overLimit(String detail, Object limit) {
        return new ApiProblem(ProblemType.OVER_LIMIT, 422, detail, Map.of("limit", limit));
    }

    /** 413: the whole request or the record it would write is too large. */
    public static ApiProblem tooLarge(String detail, int limitBytes) {
        return new ApiProblem(ProblemType.TOO_LARGE, 413, detail, Map.of("limit", limitBytes));
    }

    /** 409: the thing was decided already; re-deciding needs an explicit reopen. */
    public static ApiProblem alreadyDecided(String detail, String currentState) {
        return new ApiProblem(ProblemType.ALREADY_DECIDED, 409, detail, Map.of("currentState", currentState));
    }

    /** 409 with the version the client should reload and, when it is decided, the state it is in. */
    public static ApiProblem versionConflict(String detail, int currentVersion, String currentState) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("currentVersion", currentVersion);
        if (currentState != null) {
            members.put("currentState", currentState);
        }
        return new ApiProblem(ProblemType.VERSION_CONFLICT, 409, detail, members);
    }

    /** 503: too much at once; the caller may try again in a second. */
    public static ApiProblem busy(String detail) {
        return new ApiProblem(ProblemType.BUSY, 503, detail, Map.of("retryAfter", 1));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail);
    }
}
