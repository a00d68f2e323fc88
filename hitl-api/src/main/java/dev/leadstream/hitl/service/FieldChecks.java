package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.hitl.problem.TextRules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks of a request's fields that go on past the first refusal, so one answer names every
 * field to correct: over a limit is 422 {@code over-limit} with the first such field and its
 * limit; anything else 422 with the first field; both list every refusal under {@code errors}.
 * Text that cannot be stored at all (NUL, invalid Unicode) is refused at once with 400.
 */
final class FieldChecks {

    static final int MAX_ID = 64;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final int MAX_EMAIL = 254;
    private static final int DETAILS_SHOWN = 10;

    private record Refusal(String field, String detail, Integer limit) {
    }

    private final List<Refusal> overLimits = new ArrayList<>();
    private final List<Refusal> invalid = new ArrayList<>();

    /** A text field; true when it is given and within its limit. */
    boolean text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                invalid(field, field + " is required");
            }
            return false;
        }
        TextRules.check(field, value, Integer.MAX_VALUE);
        if (value.length() > max) {
            overLimit(field, field + " must be at most " + max + " characters, was " + value.length(), max);
            return false;
        }
        return true;
    }

    /** An id: lower-case letters, digits and inner hyphens. */
    boolean slug(String field, String value, boolean required) {
        if (!text(field, value, MAX_ID, required)) {
            return false;
        }
        if (!SLUG.matcher(value).matches()) {
            invalid(field, field + " must be lower-case letters, digits and inner hyphens (e.g. spring-bakers), was "
                    + TextRules.shown(value));
            return false;
        }
        return true;
    }

    void email(String field, String value) {
        if (text(field, value, MAX_EMAIL, false) && !EMAIL.matcher(value).matches()) {
            invalid(field, field + " must be an email address such as sam@example.com, was " + TextRules.shown(value));
        }
    }

    /** A time of day as HH:mm, when given; true unless it is given and wrong. */
    boolean time(String field, String value) {
        if (value != null && !HH_MM.matcher(value).matches()) {
            invalid(field, field + " must be a time of day as HH:mm (00:00 to 23:59), was " + TextRules.shown(value));
            return false;
        }
        return true;
    }

    void oneOf(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            invalid(field, field + " must be one of " + String.join(", ", allowed) + ", was "
                    + (value == null ? "missing" : TextRules.shown(value)));
        }
    }

    /** At least one value, each one of {@code allowed}, none twice. */
    void oneOrMoreOf(String field, List<String> values, List<String> allowed) {
        if (values == null || values.isEmpty()) {
            invalid(field, field + " needs at least one of " + String.join(", ", allowed));
            return;
        }
        // a longer list names something twice: its entries past that are not worth a refusal each
        for (int i = 0; i < values.size() && i <= allowed.size(); i++) {
            oneOf(field + "[" + i + "]", values.get(i), allowed);
        }
        distinct(field, values);
    }

    void distinct(String field, List<String> values) {
        if (new HashSet<>(values).size() < values.size()) {
            invalid(field, field + " names a value twice");
        }
    }

    /** A list of at most {@code max} entries; true when it is within. */
    boolean atMost(String field, int size, int max, String entries) {
        if (size > max) {
            overLimit(field, field + " may hold at most " + max + " " + entries + ", held " + size, max);
            return false;
        }
        return true;
    }

    static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    void invalid(String field, String detail) {
        invalid.add(new Refusal(field, detail, null));
    }

    void overLimit(String field, String detail, int limit) {
        overLimits.add(new Refusal(field, detail, limit));
    }

    /** Over a limit first (as everywhere in the API), then the rest. */
    void refuseIfAny() {
        if (!overLimits.isEmpty()) {
            throw problem(ProblemType.OVER_LIMIT, overLimits);
        }
        if (!invalid.isEmpty()) {
            throw problem(null, invalid);
        }
    }

    private static ApiProblem problem(String type, List<Refusal> refusals) {
        String detail = String.join("; ", refusals.stream().map(Refusal::detail).limit(DETAILS_SHOWN).toList())
                + (refusals.size() > DETAILS_SHOWN ? "; and " + (refusals.size() - DETAILS_SHOWN) + " more" : "");
        Map<String, Object> members = members(refusals.getFirst(), false);
        members.put("errors", refusals.stream().map(refusal -> members(refusal, true)).toList());
        return new ApiProblem(type, 422, detail, members);
    }

    private static Map<String, Object> members(Refusal refusal, boolean withDetail) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", refusal.field());
        if (withDetail) {
            members.put("detail", refusal.detail());
        }
        if (refusal.limit() != null) {
            members.put("limit", refusal.limit());
        }
        return members;
    }
}
