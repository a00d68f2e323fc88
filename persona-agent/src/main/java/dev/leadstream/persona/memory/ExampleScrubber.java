package dev.leadstream.persona.memory;

import dev.leadstream.topics.event.ScoredLead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the lead out of content before it is remembered: its name, email addresses, phone
 * numbers, website and other URLs, postal address, city and social handles become neutral
 * placeholders ({business}, {email}, ...), so a style example shows how we wrote, never to whom.
 * Addresses and numbers that only look like contacts are replaced too.
 */
final class ExampleScrubber {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"')]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d\\s().-]{6,}\\d(?!\\w)");
    private static final int PHONE_DIGITS = 8;
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(?i)[,\\s]+(?:ltd\\.?|limited|gmbh|b\\.?v\\.?|s\\.?a\\.?r\\.?l\\.?|sas|inc\\.?|llc|plc|& co\\.?)$");

    private ExampleScrubber() {
    }

    static String scrub(String text, ScoredLead lead) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (Map.Entry<String, String> known : knownValues(lead).entrySet()) {
            scrubbed = Pattern.compile(Pattern.quote(known.getKey()), Pattern.CASE_INSENSITIVE)
                    .matcher(scrubbed).replaceAll(Matcher.quoteReplacement(known.getValue()));
        }
        scrubbed = EMAIL.matcher(scrubbed).replaceAll("{email}");
        scrubbed = URL.matcher(scrubbed).replaceAll("{website}");
        return PHONE_LIKE.matcher(scrubbed).replaceAll(m ->
                m.group().replaceAll("\\D", "").length() >= PHONE_DIGITS ? "{phone}" : Matcher.quoteReplacement(m.group()));
    }

    /** The lead's own values and their placeholders, longest first, so "Rose Bakery Ltd" goes before "Rose Bakery". */
    private static Map<String, String> knownValues(ScoredLead lead) {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        if (lead != null) {
            put(values, lead.name(), "{business}");
            put(values, lead.name() == null ? null : LEGAL_SUFFIX.matcher(lead.name()).replaceFirst(""), "{business}");
            lead.emails().forEach(e -> put(values, e, "{email}"));
            lead.phones().forEach(p -> put(values, p, "{phone}"));
            put(values, lead.website(), "{website}");
            put(values, lead.website() == null ? null : lead.website().replaceFirst("^https?://", "").replaceFirst("/$", ""), "{website}");
            put(values, lead.leadId(), "{website}");
            put(values, lead.address(), "{address}");
            if (lead.location() != null) {
                put(values, lead.location().street(), "{address}");
                put(values, lead.location().postcode(), "{address}");
                put(values, lead.location().city(), "{city}");
            }
            lead.socialHandles().values().forEach(h -> put(values, h, "{handle}"));
        }
        Map<String, String> longestFirst = new LinkedHashMap<>();
        values.stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> longestFirst.putIfAbsent(e.getKey(), e.getValue()));
        return longestFirst;
    }

    /** Values under three characters would replace parts of ordinary words. */
    private static void put(List<Map.Entry<String, String>> values, String value, String placeholder) {
        if (value != null && value.strip().length() >= 3) {
            values.add(Map.entry(value.strip(), placeholder));
        }
    }
}
