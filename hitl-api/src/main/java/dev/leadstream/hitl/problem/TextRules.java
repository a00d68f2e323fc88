package dev.leadstream.hitl.problem;

import java.util.List;
import java.util.Map;

/**
 * What any text the API accepts may hold: no NUL or other control characters (bar tab and line
 * breaks), no half of a surrogate pair, and no more characters than its field's limit. PostgreSQL
 * refuses NUL, and Kafka and the relay carry at most a megabyte, so both are refused at the edge.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Refuses with 400 text that cannot be stored or sent, and with 422 text over {@code max}. */
    public static void check(String field, String value, int max) {
        if (value == null) {
            return;
        }
        String why = invalid(value);
        if (why != null) {
            throw new ApiProblem(ProblemType.INVALID_TEXT, 400, field + " " + why, Map.of("field", field));
        }
        if (value.length() > max) {
            throw ApiProblem.overLimit(field + " must be at most " + max + " characters, was " + value.length(), max);
        }
    }

    /** Each entry of a list, and the list's size. */
    public static void checkAll(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return;
        }
        if (values.size() > maxItems) {
            throw ApiProblem.overLimit(field + " may hold at most " + maxItems + " entries, held " + values.size(), maxItems);
        }
        for (String value : values) {
            check(field + " entry", value, maxLength);
        }
    }

    /** Why the text cannot be accepted, or null when it can. */
    public static String invalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "contains invalid Unicode (half of a surrogate pair)";
            }
            if (c == '\uFFFD') {
                return "contains invalid Unicode (bytes that are not UTF-8)";
            }
        }
        return null;
    }

    /** A value quoted in an error message: short, and without the characters that made it wrong. */
    public static String shown(String value) {
        String visible = value.codePoints().map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
    }
}
