package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.hitl.problem.TextRules;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any resource runs, a request whose body announces more than the API takes (413)
 * or whose path or query holds NUL, control characters, a broken percent-escape or bytes that are
 * not UTF-8 (400). Bodies sent without a length are still capped by quarkus.http.limits.max-body-size.
 */
public class RequestGuard {

    /** Well under Kafka's 1 MiB record, with room for the envelope the relay adds. */
    public static final int MAX_BODY_BYTES = 512 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> guard(HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith("/api") && !path.startsWith("/ui")) {
            return Optional.empty();
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && (length.length() > 12 || Long.parseLong(length) > MAX_BODY_BYTES)) {
            return Optional.of(Problem.response(ProblemType.TOO_LARGE, 413, "the body is " + length
                    + " bytes; the API takes at most " + MAX_BODY_BYTES, path, Map.of("limit", MAX_BODY_BYTES)));
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String why = check("the path", query < 0 ? uri : uri.substring(0, query), false);
        if (why == null && query >= 0) {
            for (String part : uri.substring(query + 1).split("&")) {
                int eq = part.indexOf('=');
                String name = decodeOrNull(eq < 0 ? part : part.substring(0, eq), true);
                why = check("query parameter " + (name == null ? "" : TextRules.shown(name)), part, true);
                if (why != null) {
                    break;
                }
            }
        }
        return why == null ? Optional.empty()
                : Optional.of(Problem.response(ProblemType.INVALID_TEXT, 400, why, path, Map.of()));
    }

    private static String check(String what, String raw, boolean query) {
        String decoded = decodeOrNull(raw, query);
        if (decoded == null) {
            return what + " holds a broken percent-escape or bytes that are not UTF-8";
        }
        String invalid = TextRules.invalid(decoded);
        return invalid == null ? null : what + " " + invalid;
    }

    /** Strict percent-decoding: null for a broken escape or bytes that are not UTF-8. */
    static String decodeOrNull(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
