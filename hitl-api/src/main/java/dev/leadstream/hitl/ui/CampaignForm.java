package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.service.CampaignEdit;
import dev.leadstream.hitl.service.CampaignRules;
import dev.leadstream.topics.event.Campaign;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign form as the browser posts it and as the page shows it, so a refused form comes
 * back with everything the reviewer typed. Statements and sequence steps are rows of parallel
 * fields; a statement's translations are one line per language, {@code de: Text auf Deutsch}.
 * Blank rows are left out.
 */
public class CampaignForm {

    /** Empty statement rows offered below the filled ones. */
    static final int BLANK_STATEMENT_ROWS = 3;

    @RestForm public String campaignId;
    @RestForm public String version;
    @RestForm public String idempotencyKey;
    @RestForm public String name;
    @RestForm public String product;
    @RestForm public String summary;
    @RestForm public String tone;
    @RestForm public String callToAction;
    @RestForm public String senderName;
    @RestForm public String senderCompany;
    @RestForm public String senderRole;
    @RestForm public String senderEmail;
    @RestForm public String senderReplyTo;
    @RestForm public String senderPostalAddress;
    @RestForm public String senderWebsite;
    @RestForm("channel") public List<String> channels = new ArrayList<>();
    @RestForm public String languages;
    @RestForm public String segments;
    @RestForm("statementId") public List<String> statementIds = new ArrayList<>();
    @RestForm("statementKind") public List<String> statementKinds = new ArrayList<>();
    @RestForm("statementText") public List<String> statementTexts = new ArrayList<>();
    @RestForm("statementSource") public List<String> statementSources = new ArrayList<>();
    @RestForm("statementTranslations") public List<String> statementTranslations = new ArrayList<>();
    @RestForm("stepDay") public List<String> stepDays = new ArrayList<>();
    @RestForm("stepPurpose") public List<String> stepPurposes = new ArrayList<>();
    @RestForm public String timeZone;
    @RestForm("day") public List<String> days = new ArrayList<>();
    @RestForm public String windowStart;
    @RestForm public String windowEnd;
    @RestForm public String dailyLimit;

    /** A checkbox or select option and whether it is chosen. */
    public record Option(String value, boolean chosen) {
    }

    /** One statement row; {@code kinds} marks the row's kind as chosen. */
    public record StatementRow(int number, String id, String text, String source, String translations, List<Option> kinds) {
    }

    public record StepRow(int number, String day, List<Option> purposes) {
    }

    /** A new campaign's form: one statement to fill in, a first touch on day 0, weekdays 09:00 to 17:00. */
    static CampaignForm blank() {
        CampaignForm form = new CampaignForm();
        form.channels = new ArrayList<>(List.of("email"));
        form.languages = "en";
        form.stepDays = new ArrayList<>(List.of("0"));
        form.stepPurposes = new ArrayList<>(List.of("intro"));
        form.timeZone = "Europe/London";
        form.days = new ArrayList<>(CampaignRules.DAYS.subList(0, 5));
        form.windowStart = "09:00";
        form.windowEnd = "17:00";
        form.dailyLimit = "0";
        return form;
    }

    /** The form filled with a campaign's current version, to edit it. */
    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        form.campaignId = campaign.campaignId();
        form.version = Integer.toString(campaign.version());
        form.name = campaign.name();
        form.product = campaign.offering().product();
        form.summary = campaign.offering().summary();
        form.tone = campaign.tone();
        form.callToAction = campaign.callToAction();
        Campaign.Sender sender = campaign.sender();
        form.senderName = sender.name();
        form.senderCompany = sender.company();
        form.senderRole = sender.role();
        form.senderEmail = sender.email();
        form.senderReplyTo = sender.replyTo();
        form.senderPostalAddress = sender.postalAddress();
        form.senderWebsite = sender.website();
        form.channels = new ArrayList<>(campaign.channels());
        form.languages = String.join(", ", campaign.languages());
        form.segments = String.join(", ", campaign.segments());
        for (Campaign.Statement statement : campaign.offering().statements()) {
            form.statementIds.add(statement.id());
            form.statementKinds.add(statement.kind());
            form.statementTexts.add(statement.text());
            form.statementSources.add(statement.source());
            form.statementTranslations.add(translationLines(statement.translations()));
        }
        campaign.sequence().forEach(step -> {
            form.stepDays.add(Integer.toString(step.dayOffset()));
            form.stepPurposes.add(step.purpose());
        });
        Campaign.SendPreferences preferences = campaign.sendPreferences();
        form.days = new ArrayList<>();
        if (preferences != null) {
            form.timeZone = preferences.timeZone();
            form.days.addAll(preferences.days());
            form.windowStart = preferences.windowStart();
            form.windowEnd = preferences.windowEnd();
            form.dailyLimit = Integer.toString(preferences.dailyLimit());
        }
        return form;
    }

    /**
     * What the form asks for, as the service takes it; the service's rules judge it. Only what
     * cannot even be read (a day that is not a number, a translation line without its language)
     * is refused here, with IllegalArgumentException naming the row.
     */
    CampaignEdit toEdit() {
        List<Campaign.Statement> statements = new ArrayList<>();
        for (int i = 0; i < statementTexts.size(); i++) {
            if (statementFilled(i)) {
                statements.add(new Campaign.Statement(Ui.blankToNull(at(statementIds, i)), at(statementKinds, i),
                        Ui.blankToNull(statementTexts.get(i)), Ui.blankToNull(at(statementSources, i)),
                        translations(i + 1, at(statementTranslations, i))));
            }
        }
        List<Campaign.Step> sequence = new ArrayList<>();
        for (int i = 0; i < stepDays.size(); i++) {
            String day = Ui.blankToNull(stepDays.get(i));
            if (day != null) {
                sequence.add(new Campaign.Step(sequence.size(), number("step " + (i + 1) + "'s day", day), at(stepPurposes, i)));
            }
        }
        return new CampaignEdit(Ui.blankToNull(campaignId), null, Ui.blankToNull(name),
                new Campaign.Offering(Ui.blankToNull(product), Ui.blankToNull(summary), statements),
                new Campaign.Sender(Ui.blankToNull(senderName), Ui.blankToNull(senderCompany), Ui.blankToNull(senderRole),
                        Ui.blankToNull(senderEmail), Ui.blankToNull(senderReplyTo), Ui.blankToNull(senderPostalAddress),
                        Ui.blankToNull(senderWebsite)),
                Ui.blankToNull(tone), Ui.blankToNull(callToAction), channels,
                words(languages).stream().map(language -> language.toLowerCase(Locale.ROOT)).toList(), words(segments), sequence,
                sendPreferences());
    }

    /** Null when nothing of it is filled in: the campaign then leaves sending to outreach-agent's own rules. */
    private Campaign.SendPreferences sendPreferences() {
        String zone = Ui.blankToNull(timeZone);
        String start = Ui.blankToNull(windowStart);
        String end = Ui.blankToNull(windowEnd);
        String limit = Ui.blankToNull(dailyLimit);
        if (days.isEmpty() && zone == null && start == null && end == null && limit == null) {
            return null;
        }
        return new Campaign.SendPreferences(zone, days, start, end, limit == null ? 0 : number("the daily limit", limit));
    }

    /** The version saving this form makes. */
    public int nextVersion() {
        try {
            return Integer.parseInt(version) + 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Filled statement rows, then a few blank ones for new statements. */
    public List<StatementRow> statementRows() {
        List<StatementRow> rows = new ArrayList<>();
        int filled = 0;
        for (int i = 0; i < statementTexts.size(); i++) {
            filled = statementFilled(i) ? i + 1 : filled;
        }
        for (int i = 0; i < filled + BLANK_STATEMENT_ROWS && i < CampaignRules.MAX_STATEMENTS; i++) {
            String kind = i < filled ? at(statementKinds, i) : "value";
            rows.add(new StatementRow(i + 1, at(statementIds, i), at(statementTexts, i), at(statementSources, i),
                    at(statementTranslations, i), options(CampaignRules.KINDS, List.of(kind))));
        }
        return rows;
    }

    /** As many step rows as a sequence may have. */
    public List<StepRow> stepRows() {
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < CampaignRules.MAX_STEPS; i++) {
            String purpose = i < stepDays.size() ? at(stepPurposes, i) : i == 0 ? "intro" : "follow-up";
            rows.add(new StepRow(i + 1, at(stepDays, i), options(CampaignRules.PURPOSES, List.of(purpose))));
        }
        return rows;
    }

    /** A row with anything typed in it is a statement (and the rules say what it lacks); a blank row is none. */
    private boolean statementFilled(int row) {
        return Ui.blankToNull(statementTexts.get(row)) != null || Ui.blankToNull(at(statementSources, row)) != null
                || Ui.blankToNull(at(statementTranslations, row)) != null;
    }

    public List<Option> channelOptions() {
        return options(Campaign.CHANNELS, channels);
    }

    public List<Option> dayOptions() {
        return options(CampaignRules.DAYS, days);
    }

    private static List<Option> options(List<String> values, List<String> chosen) {
        return values.stream().map(value -> new Option(value, chosen.contains(value))).toList();
    }

    private static String translationLines(Map<String, String> translations) {
        StringBuilder lines = new StringBuilder();
        translations.forEach((language, text) -> lines.append(language).append(": ").append(text).append('\n'));
        return lines.toString().strip();
    }

    /** {@code de: Text} per line; a line without its language cannot be read. */
    private static Map<String, String> translations(int row, String lines) {
        Map<String, String> translations = new LinkedHashMap<>();
        for (String line : lines == null ? new String[0] : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("statement " + row + "'s translations: write one per line as"
                        + " <language>: <text>, e.g. de: Ihre Kunden bestellen online.");
            }
            translations.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return translations;
    }

    /** Comma- or space-separated words: languages, segments. */
    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, was " + text);
        }
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }
}
