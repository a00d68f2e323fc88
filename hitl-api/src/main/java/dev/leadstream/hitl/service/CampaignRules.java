package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a campaign may say. Every refused field is named (see {@link FieldChecks}); a campaign
 * travels inside every selection event, hence the cap on its published size.
 */
public final class CampaignRules {

    public static final int MAX_ID = FieldChecks.MAX_ID;
    public static final int MAX_NAME = 200;
    public static final int MAX_LONG_TEXT = 1_000;
    public static final int MAX_STATEMENTS = 50;
    public static final int MAX_URL = 2_000;
    public static final int MAX_SEGMENTS = 20;
    public static final int MAX_STEPS = 5;
    public static final int MAX_DAY_OFFSET = 365;
    public static final int MAX_DAILY_LIMIT = 100_000;
    public static final int MAX_BYTES = 64 * 1024;

    public static final List<String> KINDS = List.of("value", "price", "offer", "proof");
    public static final List<String> PURPOSES = List.of("intro", "follow-up", "last");
    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Pattern BRIEF_LINE = Pattern.compile("brief:[1-9][0-9]{0,5}");
    /** /ui/campaigns/new is the form for a new campaign, so no campaign may be called that. */
    private static final String RESERVED_ID = "new";

    private final FieldChecks checks = new FieldChecks();

    private CampaignRules() {
    }

    /**
     * Refuses an edit the campaign cannot take. {@code editedId} is the campaign being edited, or
     * null when the edit creates one (then it must name a new id).
     */
    public static void check(CampaignEdit edit, String editedId) {
        CampaignRules rules = new CampaignRules();
        FieldChecks checks = rules.checks;
        if (editedId == null) {
            rules.newId(edit.campaignId());
        } else if (edit.campaignId() != null && !edit.campaignId().equals(editedId)) {
            checks.invalid("campaignId", "campaignId cannot change: this is campaign " + editedId);
        }
        checks.text("name", edit.name(), MAX_NAME, true);
        checks.oneOrMoreOf("channels", edit.channels(), Campaign.CHANNELS);
        // before the statements, whose translations are checked against them
        checks.oneOrMoreOf("languages", edit.languages(), Campaign.LANGUAGES);
        rules.offering(edit.offering(), edit.languages());
        rules.sender(edit.sender());
        checks.text("tone", edit.tone(), MAX_NAME, false);
        checks.text("callToAction", edit.callToAction(), MAX_NAME, false);
        rules.segments(edit.segments());
        rules.sequence(edit.sequence());
        rules.sendPreferences(edit.sendPreferences());
        checks.refuseIfAny();
    }

    /** 413 when the published record would be larger than a selection event may carry. */
    public static void checkSize(Campaign campaign) {
        int bytes = EventJson.toJson(campaign).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ApiProblem.tooLarge("the campaign would be " + bytes + " bytes as published; it travels inside every"
                    + " selection event, so it may be at most " + MAX_BYTES, MAX_BYTES);
        }
    }

    private void newId(String campaignId) {
        if (checks.slug("campaignId", campaignId, true) && RESERVED_ID.equals(campaignId)) {
            checks.invalid("campaignId", "campaignId " + RESERVED_ID + " is taken by the UI's form for a new campaign;"
                    + " choose another");
        }
    }

    private void offering(Campaign.Offering offering, List<String> languages) {
        if (offering == null) {
            checks.invalid("offering", "offering is required: the product and the statements the campaign may make");
            return;
        }
        checks.text("offering.product", offering.product(), MAX_NAME, true);
        checks.text("offering.summary", offering.summary(), MAX_LONG_TEXT, false);
        List<Campaign.Statement> statements = offering.statements();
        if (statements.isEmpty()) {
            checks.invalid("offering.statements", "offering.statements needs at least one statement: drafts may say"
                    + " only what the statements say");
        } else if (checks.atMost("offering.statements", statements.size(), MAX_STATEMENTS, "statements")) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < statements.size(); i++) {
                statement("offering.statements[" + i + "]", statements.get(i), ids, languages);
            }
        }
    }

    private void statement(String field, Campaign.Statement statement, Set<String> ids, List<String> languages) {
        if (statement == null) {
            checks.invalid(field, field + " must be a statement: kind, text and source");
            return;
        }
        if (statement.id() != null && checks.slug(field + ".id", statement.id(), false) && !ids.add(statement.id())) {
            checks.invalid(field + ".id", field + ".id " + statement.id() + " is used by another statement");
        }
        checks.oneOf(field + ".kind", statement.kind(), KINDS);
        checks.text(field + ".text", statement.text(), MAX_LONG_TEXT, true);
        String source = statement.source();
        if (checks.text(field + ".source", source, MAX_URL, true) && !BRIEF_LINE.matcher(source).matches()
                && !FieldChecks.webAddress(source)) {
            checks.invalid(field + ".source", field + ".source must be an http(s) URL or brief:<line number>, was "
                    + TextRules.shown(source));
        }
        List<String> translatable = languages == null || languages.isEmpty() ? List.of() : languages.subList(1, languages.size());
        statement.translations().forEach((language, text) -> {
            if (!translatable.contains(language)) {
                checks.invalid(field + ".translations", field + ".translations has " + TextRules.shown(language)
                        + ", which is not one of the campaign's other languages " + translatable
                        + " (the text itself is in its first language)");
            }
            checks.text(field + ".translations." + language, text, MAX_LONG_TEXT, true);
        });
    }

    private void sender(Campaign.Sender sender) {
        if (sender == null) {
            checks.invalid("sender", "sender is required: name, company and the postal address every email's footer carries");
            return;
        }
        checks.text("sender.name", sender.name(), MAX_NAME, true);
        checks.text("sender.company", sender.company(), MAX_NAME, true);
        checks.text("sender.role", sender.role(), MAX_NAME, false);
        checks.text("sender.postalAddress", sender.postalAddress(), MAX_LONG_TEXT, true);
        checks.email("sender.email", sender.email());
        checks.email("sender.replyTo", sender.replyTo());
        if (checks.text("sender.website", sender.website(), MAX_URL, false) && !FieldChecks.webAddress(sender.website())) {
            checks.invalid("sender.website", "sender.website must be an http(s) URL, was " + TextRules.shown(sender.website()));
        }
    }

    private void segments(List<String> segments) {
        if (segments == null || !checks.atMost("segments", segments.size(), MAX_SEGMENTS, "entries")) {
            return;
        }
        for (int i = 0; i < segments.size(); i++) {
            checks.text("segments[" + i + "]", segments.get(i), MAX_NAME, true);
        }
        checks.distinct("segments", segments);
    }

    private void sequence(List<Campaign.Step> sequence) {
        if (sequence == null || sequence.isEmpty()) {
            checks.invalid("sequence", "sequence needs at least its first touch: step 0 on day 0");
            return;
        }
        if (!checks.atMost("sequence", sequence.size(), MAX_STEPS, "steps")) {
            return;
        }
        int previousDay = -1;
        for (int i = 0; i < sequence.size(); i++) {
            String field = "sequence[" + i + "]";
            Campaign.Step step = sequence.get(i);
            if (step == null) {
                checks.invalid(field, field + " must be a step: step, dayOffset and purpose");
                continue;
            }
            if (step.step() != i) {
                checks.invalid(field + ".step", field + ".step must be " + i + ": steps are numbered 0, 1, 2... in order,"
                        + " was " + step.step());
            }
            dayOffset(field + ".dayOffset", i, step.dayOffset(), previousDay);
            previousDay = Math.max(previousDay, step.dayOffset());
            checks.oneOf(field + ".purpose", step.purpose(), PURPOSES);
        }
    }

    private void dayOffset(String field, int step, int day, int previousDay) {
        if (step == 0 && day != 0) {
            checks.invalid(field, field + " must be 0: the first touch starts the sequence, was " + day);
        } else if (day <= previousDay) {
            checks.invalid(field, field + " must come after the step before (day " + previousDay + "), was day " + day);
        } else if (day > MAX_DAY_OFFSET) {
            checks.overLimit(field, field + " may be at most day " + MAX_DAY_OFFSET + ", was " + day, MAX_DAY_OFFSET);
        }
    }

    private void sendPreferences(Campaign.SendPreferences preferences) {
        if (preferences == null) {
            return;
        }
        checks.oneOrMoreOf("sendPreferences.days", preferences.days(), DAYS);
        window(preferences.windowStart(), preferences.windowEnd());
        if (checks.text("sendPreferences.timeZone", preferences.timeZone(), MAX_NAME, false)) {
            try {
                ZoneId.of(preferences.timeZone());
            } catch (DateTimeException e) {
                checks.invalid("sendPreferences.timeZone", "sendPreferences.timeZone must be a time zone such as"
                        + " Europe/London, was " + TextRules.shown(preferences.timeZone()));
            }
        }
        int limit = preferences.dailyLimit();
        if (limit < 0) {
            checks.invalid("sendPreferences.dailyLimit", "sendPreferences.dailyLimit must be 0 (the sender's own limit)"
                    + " or more, was " + limit);
        } else if (limit > MAX_DAILY_LIMIT) {
            checks.overLimit("sendPreferences.dailyLimit", "sendPreferences.dailyLimit may be at most " + MAX_DAILY_LIMIT
                    + ", was " + limit, MAX_DAILY_LIMIT);
        }
    }

    /** Both ends or neither, each HH:mm, the start before the end (a window does not cross midnight). */
    private void window(String start, String end) {
        boolean startValid = checks.time("sendPreferences.windowStart", start);
        boolean endValid = checks.time("sendPreferences.windowEnd", end);
        if (start != null && end == null) {
            checks.invalid("sendPreferences.windowEnd", "sendPreferences.windowEnd is required when windowStart is given");
        } else if (start == null && end != null) {
            checks.invalid("sendPreferences.windowStart", "sendPreferences.windowStart is required when windowEnd is given");
        } else if (start != null && startValid && endValid && !LocalTime.parse(start).isBefore(LocalTime.parse(end))) {
            checks.invalid("sendPreferences.windowEnd", "sendPreferences.windowEnd must be after windowStart (" + start
                    + "), was " + end);
        }
    }
}
