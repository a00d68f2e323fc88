package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.hitl.problem.TextRules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * An {@code Idempotency-Key} means something only for one reviewer, one action and one target:
 * what is stored is the hash of all four, so the same key from another reviewer, for another
 * action or another lead or draft is a different key. What the request asked is hashed too: the
 * same key again with a different request is refused, never answered with the first one's result.
 */
public record Idempotency(String scopedKey, String requestHash) {

    public static final int MAX_KEY_LENGTH = 200;

    /** No key given: every call decides afresh (and a decided thing answers 409). */
    public static final Idempotency NONE = new Idempotency(null, null);

    public static Idempotency of(String key, String reviewer, String action, String target, String request) {
        if (key == null || key.isBlank()) {
            return NONE;
        }
        TextRules.check("Idempotency-Key", key, MAX_KEY_LENGTH);
        return new Idempotency(sha256(reviewer + '\u0000' + action + '\u0000' + target + '\u0000' + key), sha256(request));
    }

    /** The scope of a whole bulk call's key: the reviewer, the action and the key, whatever the leads. */
    public static String bulkScope(String key, String reviewer, String action) {
        return key == null || key.isBlank() ? null : sha256(reviewer + '\u0000' + action + '\u0000' + "bulk" + '\u0000' + key);
    }

    public boolean given() {
        return scopedKey != null;
    }

    /** The same key and scope for another lead of a bulk call. */
    public Idempotency forTarget(String key, String reviewer, String action, String target, String request) {
        return given() ? of(key, reviewer, action, target, request) : NONE;
    }

    /** Refuses when the decision this key made answered a different request. */
    public void checkSameRequest(String earlierRequestHash) {
        if (given() && earlierRequestHash != null && !earlierRequestHash.equals(requestHash)) {
            throw new ApiProblem(ProblemType.KEY_REUSED, 422, "this Idempotency-Key was already used by you for this action"
                    + " and target with a different request; use a new key for a new request", Map.of());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
