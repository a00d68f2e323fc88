package dev.leadstream.persona.writer;

/** Text as it appears inside HTML. */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
