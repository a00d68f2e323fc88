package dev.leadstream.hitl.problem;

/**
 * The problem types of our own, as they appear in a problem details body's {@code type}; a
 * problem without one is {@code about:blank}, meaning "see the status".
 */
public final class ProblemType {

    public static final String TOO_LARGE = "urn:leadstream:problem:too-large";
    public static final String OVER_LIMIT = "urn:leadstream:problem:over-limit";
    public static final String INVALID_TEXT = "urn:leadstream:problem:invalid-text";
    public static final String ALREADY_DECIDED = "urn:leadstream:problem:already-decided";
    public static final String ALREADY_CONTACTED = "urn:leadstream:problem:already-contacted";
    public static final String VERSION_CONFLICT = "urn:leadstream:problem:version-conflict";
    public static final String KEY_REUSED = "urn:leadstream:problem:idempotency-key-reused";
    public static final String BUSY = "urn:leadstream:problem:busy";
    public static final String UNSUPPORTED_CLAIMS = "urn:leadstream:problem:unsupported-claims";
    public static final String MISSING_EMAIL_PARTS = "urn:leadstream:problem:missing-email-parts";

    private ProblemType() {
    }
}
