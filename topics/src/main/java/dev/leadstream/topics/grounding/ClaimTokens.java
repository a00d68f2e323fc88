package dev.leadstream.topics.grounding;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a sentence that make it a checkable claim: numbers (prices, years, dates, counts),
 * URLs, domains and email addresses, proper names, and named technologies. A sentence is grounded
 * when every one of them appears in a fact it cites.
 */
final class ClaimTokens {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)\\b(?:https?://[^\\s<>\"')]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:/[^\\s<>\"')]*)?)");
    /** Letters and digits in one token: postcodes (LS1, 4AB), references (GA4). */
    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]*\\p{L})(?=[\\p{L}\\p{N}]*\\p{N})[\\p{L}\\p{N}]+(?![\\p{L}\\p{N}])");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,\\s]\\d{3})*(?:[.,]\\d+)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{Mn}'’-]*");
    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?:;\"“„«(\\n]\\s*)$");

    private ClaimTokens() {
    }

    /** Tokens of {@code sentence} a fact must carry, normalised for {@link FactText#contains}. */
    static Set<String> of(String sentence, String language) {
        Set<String> tokens = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(sentence);
        Matcher address = ADDRESS.matcher(sentence);
        while (address.find()) {
            String found = trimPunctuation(address.group());
            if (found.contains(".") && !found.matches("\\d+(\\.\\d+)*")) {
                tokens.add(found.toLowerCase(Locale.ROOT));
                blank(rest, address.start(), address.end());
            }
        }
        Matcher code = CODE.matcher(rest.toString());
        while (code.find()) {
            tokens.add(fold(code.group()));
            blank(rest, code.start(), code.end());
        }
        String text = rest.toString();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            tokens.add(digits(number.group()));
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String w = word.group();
            if (Technologies.isNamed(w)) {
                tokens.add(w.toLowerCase(Locale.ROOT));
            } else if (isProperName(w, text.substring(0, word.start()), language)) {
                tokens.add(fold(w));
            }
        }
        return tokens;
    }

    private static boolean isProperName(String word, String before, String language) {
        if (!Character.isUpperCase(word.codePointAt(0)) || word.length() < 2) {
            return false;
        }
        if (SENTENCE_START.matcher(before).find()) {
            return false;
        }
        return !CommonWords.capitalised(language).contains(fold(word));
    }

    /** Digits only, so "1,250", "1.250" and "1 250" match each other. */
    static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{Mn}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private static String trimPunctuation(String token) {
        return token.replaceAll("[.,;:!?]+$", "");
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }
}
