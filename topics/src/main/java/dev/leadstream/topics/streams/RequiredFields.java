package dev.leadstream.topics.streams;

/** Checks of the fields an event cannot do without; each returns the problem, or null when there is none. */
public final class RequiredFields {

    /** Ids and names of the contract are short; a longer one is garbage, not an id. */
    public static final int MAX_ID_CHARS = 512;

    private RequiredFields() {
    }

    /** An id: present, not blank (in any script's spaces) and of a sensible length. */
    public static String id(String field, String value) {
        if (value == null) {
            return field + " is missing";
        }
        if (blank(value)) {
            return field + " is blank";
        }
        return value.length() > MAX_ID_CHARS ? field + " is longer than " + MAX_ID_CHARS + " characters" : null;
    }

    /** True for null, empty, or nothing but whitespace and space separators (no-break spaces included). */
    public static boolean blank(String value) {
        return value == null || value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** The first problem found, or null. */
    public static String first(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
