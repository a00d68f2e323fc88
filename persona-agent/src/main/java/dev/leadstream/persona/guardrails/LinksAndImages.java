package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links and images: a first email with many links or any image reads as a newsletter or a
 * phishing attempt; link shorteners hide where a link goes and are scored as spam.
 */
final class LinksAndImages implements ContentRule {

    static final String RULE = "links-images";
    static final int MAX_LINKS = 3;
    static final int MAX_IMAGES = 0;
    private static final Pattern LINK = Pattern.compile("(?i)<a\\s[^>]*href");
    private static final Pattern IMAGE = Pattern.compile("(?i)<img\\b");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
    private static final List<String> SHORTENERS = List.of("bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "rebrand.ly");

    @Override
    public List<Draft.GuardrailFinding> check(Draft.Message m, String language, Facts facts) {
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        long links = Math.max(count(LINK, m.html()), count(URL, m.text()));
        if (links > MAX_LINKS) {
            found.add(ContentRule.warning(RULE, m, links + " links (at most " + MAX_LINKS + " read as a personal note)"));
        }
        long images = count(IMAGE, m.html());
        if (images > MAX_IMAGES) {
            found.add(ContentRule.warning(RULE, m, images + " images in a first contact; filters score image-heavy mail as spam"));
        }
        String all = (ContentRule.visible(m) + " " + (m.html() == null ? "" : m.html())).toLowerCase(Locale.ROOT);
        SHORTENERS.stream().filter(s -> all.contains("//" + s + "/") || all.contains(" " + s + "/")).findFirst()
                .ifPresent(s -> found.add(ContentRule.warning(RULE, m, "a " + s + " short link hides where it goes")));
        return found;
    }

    private static long count(Pattern pattern, String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = pattern.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
