package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What we offer and how we speak: the offering with a source for every statement, the sender,
 * tone, call to action, channels, languages, target segments, the sequence of touches and the
 * send preferences. Keyed by campaign id on the compacted {@code campaigns} topic; every edit is
 * a new version, and a selection carries the version it was made with.
 *
 * @param languages the languages content may be written in, the first being the campaign's own
 *                  (used when a lead's site language is not among them)
 * @param segments  the scoring segments the campaign targets; empty targets every segment
 */
public record Campaign(
        String campaignId,
        int version,
        String name,
        String status,
        Offering offering,
        Sender sender,
        String tone,
        String callToAction,
        List<String> channels,
        List<String> languages,
        List<String> segments,
        List<Step> sequence,
        SendPreferences sendPreferences,
        String updatedBy,
        Instant updatedAt,
        Provenance provenance) {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String ARCHIVED = "archived";

    public static final List<String> CHANNELS = List.of("email", "telegram", "instagram", "tiktok");
    public static final List<String> LANGUAGES = List.of("en", "de", "nl", "fr");

    /**
     * The product or service, and every statement we may make about it.
     *
     * @param product the name of the product or service, written as is in every language
     */
    public record Offering(String product, String summary, List<Statement> statements) {
        public Offering {
            statements = statements == null ? List.of() : List.copyOf(statements);
        }
    }

    /**
     * One thing the campaign may claim: a value proposition, a price or an offer, or proof.
     *
     * @param id           stable within the campaign; drafts cite it as {@code campaign:<id>}
     * @param kind         {@code value}, {@code price}, {@code offer} or {@code proof}
     * @param source       where the statement comes from: a URL, or {@code brief:<line>}
     * @param translations language → the same statement in that language
     */
    public record Statement(String id, String kind, String text, String source, Map<String, String> translations) {
        public Statement {
            translations = translations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(translations));
        }

        /** The statement in {@code language}, or its own text when it has no translation. */
        public String in(String language) {
            return translations.getOrDefault(language, text);
        }
    }

    /** Who writes: signs every message; the postal address goes into every email's footer. */
    public record Sender(String name, String company, String role, String email, String replyTo,
                         String postalAddress, String website) {
    }

    /**
     * One touch of the sequence.
     *
     * @param step      0 for the first touch, then 1, 2, ...
     * @param dayOffset days after the first touch
     * @param purpose   {@code intro}, {@code follow-up} or {@code last}
     */
    public record Step(int step, int dayOffset, String purpose) {
    }

    /**
     * When outreach-agent may send.
     *
     * @param timeZone    the default when the recipient's cannot be told, e.g. Europe/London
     * @param days        MON..SUN
     * @param windowStart local time, HH:mm
     * @param windowEnd   local time, HH:mm
     * @param dailyLimit  sends per day for this campaign; 0 means the sender's own limit
     */
    public record SendPreferences(String timeZone, List<String> days, String windowStart, String windowEnd, int dailyLimit) {
        public SendPreferences {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    public Campaign {
        channels = channels == null ? List.of() : List.copyOf(channels);
        languages = languages == null ? List.of() : List.copyOf(languages);
        segments = segments == null ? List.of() : List.copyOf(segments);
        sequence = sequence == null ? List.of() : List.copyOf(sequence);
    }
}
