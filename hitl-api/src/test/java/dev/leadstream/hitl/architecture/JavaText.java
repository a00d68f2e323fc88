package dev.leadstream.hitl.architecture;

/** Java source with its comments, string literals, text blocks and character literals blanked out. */
final class JavaText {

    private JavaText() {
    }

    /**
     * The code alone: what is left out becomes spaces (line breaks kept), so a name in a comment
     * or in SQL text does not count as a use, and positions stay where they were.
     */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = closing(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            for (int j = i; j < end; j++) {
                code.append(source.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return code.toString();
    }

    /** Where the literal that started before {@code from} ends: after its closing quote, skipping escapes. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }
}
