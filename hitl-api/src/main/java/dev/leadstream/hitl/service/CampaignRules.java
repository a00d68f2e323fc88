package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a campaign may say. Every refusal names its field: over a limit is 422 {@code over-limit}
 * with the limit, anything else 422 with the field; all of them are listed under {@code errors},
 * so a form can be corrected in one go. Text that cannot be stored (NUL, invalid Unicode) is 400.
 * A campaign travels inside every selection event, hence the cap on its published size.
 */
public final class CampaignRules {

    public static final int MAX_ID = 64;
    public static final int MAX_NAME = 200;
    public static final int MAX_LONG_TEXT = 1_000;
    public static final int MAX_STATEMENTS = 50;
    public static final int MAX_URL = 2_000;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_SEGMENTS = 20;
    public static final int MAX_STEPS = 5;
    public static final int MAX_DAY_OFFSET = 365;
    public static final int MAX_DAILY_LIMIT = 100_000;
    public static final int MAX_BYTES = 64 * 1024;

    public static final List<String> KINDS = List.of("value", "price", "offer", "proof");
    public static final List<String> PURPOSES = List.of("intro", "follow-up", "last");
    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern BRIEF_LINE = Pattern.compile("brief:[1-9][0-9]{0,5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final int DETAILS_SHOWN = 10;

    private final List<Violation> overLimits = new ArrayList<>();
    private final List<Violation> invalid = new ArrayList<>();

    private record Violation(String field, String detail, Integer limit) {
    }

    private CampaignRules() {
    }

    /**
     * Refuses an edit the campaign cannot take. {@code editedId} is the campaign being edited, or
     * null when the edit creates one (then it must name a new id).
     */
    public static void check(CampaignEdit edit, String editedId) {
        CampaignRules rules = new CampaignRules();
        if (editedId == null) {
            rules.slug("campaignId", edit.campaignId(), true);
        } else if (edit.campaignId() != null && !edit.campaignId().equals(editedId)) {
            rules.invalid("campaignId", "campaignId cannot change: this is campaign " + editedId);
        }
        rules.text("name", edit.name(), MAX_NAME, true);
        rules.oneOrMoreOf("channels", edit.channels(), Campaign.CHANNELS);
        // before the statements, whose translations are checked against them
        rules.oneOrMoreOf("languages", edit.languages(), Campaign.LANGUAGES);
        rules.offering(edit.offering(), edit.languages());
        rules.sender(edit.sender());
        rules.text("tone", edit.tone(), MAX_NAME, false);
        rules.text("callToAction", edit.callToAction(), MAX_NAME, false);
        rules.segments(edit.segments());
        rules.sequence(edit.sequence());
        rules.sendPreferences(edit.sendPreferences());
        rules.refuseIfAny();
    }

    /** 413 when the published record would be larger than a selection event may carry. */
    public static void checkSize(Campaign campaign) {
        int bytes = EventJson.toJson(campaign).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ApiProblem.tooLarge("the campaign would be " + bytes + " bytes as published; it travels inside every"
                    + " selection event, so it may be at most " + MAX_BYTES, MAX_BYTES);
        }
    }

    private void offering(Campaign.Offering offering, List<String> languages) {
        if (offering == null) {
            invalid("offering", "offering is required: the product and the statements the campaign may make");
            return;
        }
        text("offering.product", offering.product(), MAX_NAME, true);
        text("offering.summary", offering.summary(), MAX_LONG_TEXT, false);
        List<Campaign.Statement> statements = offering.statements();
        if (statements.isEmpty()) {
            invalid("offering.statements", "offering.statements needs at least one statement: drafts may say only what it says");
        } else if (statements.size() > MAX_STATEMENTS) {
            overLimit("offering.statements", "offering.statements may hold at most " + MAX_STATEMENTS + " statements, held "
                    + statements.size(), MAX_STATEMENTS);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < statements.size() && i < MAX_STATEMENTS; i++) {
            statement("offering.statements[" + i + "]", statements.get(i), ids, languages);
        }
    }

    private void statement(String field, Campaign.Statement statement, Set<String> ids, List<String> languages) {
        if (statement == null) {
            invalid(field, field + " must be a statement: kind, text and source");
            return;
        }
        if (statement.id() != null && slug(field + ".id", statement.id(), false) && !ids.add(statement.id())) {
            invalid(field + ".id", field + ".id " + statement.id() + " is used by another statement");
        }
        oneOf(field + ".kind", statement.kind(), KINDS);
        text(field + ".text", statement.text(), MAX_LONG_TEXT, true);
        if (text(field + ".source", statement.source(), MAX_URL, true) && !BRIEF_LINE.matcher(statement.source()).matches()
                && !webAddress(statement.source())) {
            invalid(field + ".source", field + ".source must be an http(s) URL or brief:<line number>, was "
                    + TextRules.shown(statement.source()));
        }
        List<String> translatable = languages == null || languages.isEmpty() ? List.of() : languages.subList(1, languages.size());
        statement.translations().forEach((language, text) -> {
            if (!translatable.contains(language)) {
                invalid(field + ".translations", field + ".translations has " + TextRules.shown(String.valueOf(language))
                        + ", which is not one of the campaign's other languages " + translatable
                        + " (the text itself is in its first language)");
            }
            text(field + ".translations." + language, text, MAX_LONG_TEXT, true);
        });
    }

    private void sender(Campaign.Sender sender) {
        if (sender == null) {
            invalid("sender", "sender is required: name, company and the postal address every email's footer carries");
            return;
        }
        text("sender.name", sender.name(), MAX_NAME, true);
        text("sender.company", sender.company(), MAX_NAME, true);
        text("sender.role", sender.role(), MAX_NAME, false);
        text("sender.postalAddress", sender.postalAddress(), MAX_LONG_TEXT, true);
        email("sender.email", sender.email());
        email("sender.replyTo", sender.replyTo());
        if (text("sender.website", sender.website(), MAX_URL, false) && !webAddress(sender.website())) {
            invalid("sender.website", "sender.website must be an http(s) URL, was " + TextRules.shown(sender.website()));
        }
    }

    private void segments(List<String> segments) {
        if (segments == null) {
            return;
        }
        if (segments.size() > MAX_SEGMENTS) {
            overLimit("segments", "segments may hold at most " + MAX_SEGMENTS + " entries, held " + segments.size(), MAX_SEGMENTS);
            return;
        }
        for (int i = 0; i < segments.size(); i++) {
            text("segments[" + i + "]", segments.get(i), MAX_NAME, true);
        }
        if (new HashSet<>(segments).size() < segments.size()) {
            invalid("segments", "segments names a segment twice");
        }
    }

    private void sequence(List<Campaign.Step> sequence) {
        if (sequence == null || sequence.isEmpty()) {
            invalid("sequence", "sequence needs at least its first touch: step 0 on day 0");
            return;
        }
        if (sequence.size() > MAX_STEPS) {
            overLimit("sequence", "sequence may hold at most " + MAX_STEPS + " steps, held " + sequence.size(), MAX_STEPS);
            return;
        }
        int previousDay = -1;
        for (int i = 0; i < sequence.size(); i++) {
            String field = "sequence[" + i + "]";
            Campaign.Step step = sequence.get(i);
            if (step == null) {
                invalid(field, field + " must be a step: step, dayOffset and purpose");
                continue;
            }
            if (step.step() != i) {
                invalid(field + ".step", field + ".step must be " + i + ": steps are numbered 0, 1, 2... in order, was " + step.step());
            }
            if (i == 0 && step.dayOffset() != 0) {
                invalid(field + ".dayOffset", field + ".dayOffset must be 0: the first touch starts the sequence, was "
                        + step.dayOffset());
            } else if (step.dayOffset() <= previousDay) {
                invalid(field + ".dayOffset", field + ".dayOffset must come after the step before (day " + previousDay
                        + "), was day " + step.dayOffset());
            } else if (step.dayOffset() > MAX_DAY_OFFSET) {
                overLimit(field + ".dayOffset", field + ".dayOffset may be at most day " + MAX_DAY_OFFSET + ", was "
                        + step.dayOffset(), MAX_DAY_OFFSET);
            }
            previousDay = Math.max(previousDay, step.dayOffset());
            oneOf(field + ".purpose", step.purpose(), PURPOSES);
        }
    }

    private void sendPreferences(Campaign.SendPreferences preferences) {
        if (preferences == null) {
            return;
        }
        oneOrMoreOf("sendPreferences.days", preferences.days(), DAYS);
        String start = preferences.windowStart();
        String end = preferences.windowEnd();
        boolean startValid = time("sendPreferences.windowStart", start);
        boolean endValid = time("sendPreferences.windowEnd", end);
        if (start != null && end == null) {
            invalid("sendPreferences.windowEnd", "sendPreferences.windowEnd is required when windowStart is given");
        } else if (start == null && end != null) {
            invalid("sendPreferences.windowStart", "sendPreferences.windowStart is required when windowEnd is given");
        } else if (startValid && endValid && start != null && !LocalTime.parse(start).isBefore(LocalTime.parse(end))) {
            invalid("sendPreferences.windowEnd", "sendPreferences.windowEnd must be after windowStart (" + start + "), was " + end);
        }
        if (text("sendPreferences.timeZone", preferences.timeZone(), MAX_NAME, false)) {
            try {
                ZoneId.of(preferences.timeZone());
            } catch (DateTimeException e) {
                invalid("sendPreferences.timeZone", "sendPreferences.timeZone must be a time zone such as Europe/London, was "
                        + TextRules.shown(preferences.timeZone()));
            }
        }
        if (preferences.dailyLimit() < 0) {
            invalid("sendPreferences.dailyLimit", "sendPreferences.dailyLimit must be 0 (the sender's own limit) or more, was "
                    + preferences.dailyLimit());
        } else if (preferences.dailyLimit() > MAX_DAILY_LIMIT) {
            overLimit("sendPreferences.dailyLimit", "sendPreferences.dailyLimit may be at most " + MAX_DAILY_LIMIT + ", was "
                    + preferences.dailyLimit(), MAX_DAILY_LIMIT);
        }
    }

    /** A text field: 400 for text that cannot be stored; true when it is given and within its limit. */
    private boolean text(String field, String value, int max, boolean required) {
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

    private boolean slug(String field, String value, boolean required) {
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

    private void email(String field, String value) {
        if (text(field, value, MAX_EMAIL, false) && !EMAIL.matcher(value).matches()) {
            invalid(field, field + " must be an email address such as sam@example.com, was " + TextRules.shown(value));
        }
    }

    private boolean time(String field, String value) {
        if (value != null && !HH_MM.matcher(value).matches()) {
            invalid(field, field + " must be a time of day as HH:mm (00:00 to 23:59), was " + TextRules.shown(value));
            return false;
        }
        return true;
    }

    private void oneOf(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            invalid(field, field + " must be one of " + String.join(", ", allowed) + ", was "
                    + (value == null ? "missing" : TextRules.shown(value)));
        }
    }

    /** At least one value, each one of {@code allowed}, none twice. */
    private void oneOrMoreOf(String field, List<String> values, List<String> allowed) {
        if (values == null || values.isEmpty()) {
            invalid(field, field + " needs at least one of " + String.join(", ", allowed));
            return;
        }
        for (int i = 0; i < values.size() && i < allowed.size() + 1; i++) {
            oneOf(field + "[" + i + "]", values.get(i), allowed);
        }
        if (new HashSet<>(values).size() < values.size()) {
            invalid(field, field + " names a value twice");
        }
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private void invalid(String field, String detail) {
        invalid.add(new Violation(field, detail, null));
    }

    private void overLimit(String field, String detail, int limit) {
        overLimits.add(new Violation(field, detail, limit));
    }

    /** Over a limit first (as everywhere in the API), then the rest; every violation under {@code errors}. */
    private void refuseIfAny() {
        if (!overLimits.isEmpty()) {
            throw refusal(ProblemType.OVER_LIMIT, overLimits);
        }
        if (!invalid.isEmpty()) {
            throw refusal(null, invalid);
        }
    }

    private static ApiProblem refusal(String type, List<Violation> violations) {
        Violation first = violations.getFirst();
        List<String> details = violations.stream().map(Violation::detail).limit(DETAILS_SHOWN).toList();
        String detail = String.join("; ", details)
                + (violations.size() > DETAILS_SHOWN ? "; and " + (violations.size() - DETAILS_SHOWN) + " more" : "");
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", first.field());
        if (first.limit() != null) {
            members.put("limit", first.limit());
        }
        members.put("errors", violations.stream().map(v -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("detail", v.detail());
            if (v.limit() != null) {
                error.put("limit", v.limit());
            }
            return error;
        }).toList());
        return new ApiProblem(type, 422, detail, members);
    }
}
