package dev.leadstream.persona.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reviewer's instruction for a new version, as a writer can follow it: shorter or longer, more
 * formal or friendlier, and what to mention. Several may be combined ("shorter, more formal").
 * What is not understood is kept, so the draft can say it was not followed.
 *
 * @param length   {@code -1} shorter, {@code 0} as before, {@code 1} longer
 * @param register {@code formal}, {@code friendly}, or null for the campaign's tone
 * @param mention  what the content should mention, or null
 */
public record Instruction(int length, String register, String mention, List<String> notUnderstood) {

    public static final String FORMAL = "formal";
    public static final String FRIENDLY = "friendly";
    public static final Instruction NONE = new Instruction(0, null, null, List.of());

    private static final Pattern PARTS = Pattern.compile("\\s*(?:[,;\\n]|\\band\\b)\\s*");
    private static final Pattern MENTION = Pattern.compile("(?i)^(?:please\\s+)?(?:mention|talk about|refer to|include)\\s+(.+?)[.!]*$");

    public Instruction {
        notUnderstood = List.copyOf(notUnderstood);
    }

    public static Instruction parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        int length = 0;
        String register = null;
        String mention = null;
        List<String> notUnderstood = new ArrayList<>();
        Matcher whole = MENTION.matcher(text.strip());
        // "mention X and Y" is one wish; anything else is split into its parts
        List<String> parts = whole.matches() ? List.of(text.strip()) : List.of(PARTS.split(text.strip()));
        for (String part : parts) {
            String p = part.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
            Matcher m = MENTION.matcher(part.strip());
            if (p.isEmpty()) {
                continue;
            } else if (p.matches("(make it |a bit |much )?(shorter|briefer|more concise|less text|kürzer|korter|plus court)")) {
                length = -1;
            } else if (p.matches("(make it |a bit |much )?(longer|more detail(ed)?|länger|langer|plus long)")) {
                length = 1;
            } else if (p.matches("(make it |a bit |much )?(more formal|formal|förmlicher|formeler|plus formel)")) {
                register = FORMAL;
            } else if (p.matches("(make it |a bit |much )?(less formal|friendlier|more friendly|warmer|more casual|informal|casual|lockerer|vriendelijker|plus amical)")) {
                register = FRIENDLY;
            } else if (m.matches()) {
                mention = m.group(1);
            } else {
                notUnderstood.add(part.strip());
            }
        }
        return new Instruction(length, register, mention, notUnderstood);
    }

    /** The words of {@code mention} worth matching against facts ("their second shop" → second, shop). */
    public List<String> mentionWords() {
        if (mention == null) {
            return List.of();
        }
        return List.of(mention.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> w.length() > 2 && !List.of("the", "their", "them", "they", "our", "your", "and", "about", "with").contains(w))
                .toList();
    }
}
