package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.persona.Angle;
import dev.leadstream.persona.writer.PlatformLimits;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Telegram message (a direct message, so it may speak about the lead), and Instagram and
 * TikTok captions. Captions are public posts: they speak to the lead's sector and city and never
 * name the lead or what we found out about it.
 */
final class SocialWriter {

    private static final int MAX_HASHTAGS = 8;

    private final Lead lead;

    SocialWriter(Lead lead) {
        this.lead = lead;
    }

    Draft.Message telegram(String approach, Campaign.Step step) {
        String variant = "telegram:" + step.step() + ":" + approach;
        String id = variant + "/";
        TalkingPoints.Points points = lead.points().of(approach, step.step());
        List<Draft.Statement> opening = new ArrayList<>();
        if (step.step() > 0) {
            lead.say(id + "reference", "courtesy", "last".equals(step.purpose()) ? "last.reference" : "followup.reference").ifPresent(opening::add);
        } else if ("question-led".equals(approach)) {
            lead.say(id + "question", "lead", "question." + lead.focus()).ifPresent(opening::add);
        }
        points.angles().stream().findFirst().flatMap(a -> lead.hook(id + "hook-1", a)).ifPresent(opening::add);
        List<Draft.Statement> offering = offer(id, points, PlatformLimits.TELEGRAM_TEXT_MAX);
        if (offering.isEmpty() && step.step() == 0) {
            lead.say(id + "lead-in", "offering", "offer.only-product").ifPresent(offering::add);
        }
        List<Paragraph> body = List.of(
                Paragraph.of(Paragraph.Kind.BODY, lead.say(id + "greeting", "courtesy", "greeting." + lead.register())),
                Paragraph.body(opening),
                Paragraph.body(offering),
                Paragraph.of(Paragraph.Kind.BODY, lead.say(id + "cta", "courtesy", step.step() == 0 ? ctaKey() : "cta.soft")),
                Paragraph.of(Paragraph.Kind.SIGNATURE, lead.line(id + "sender", CampaignFacts.SENDER_NAME, CampaignFacts.SENDER_COMPANY)));
        return message(variant, "telegram", step, Layout.text(body), List.of(), null, statements(body));
    }

    /** An Instagram caption, or a TikTok caption with its script. */
    Draft.Message caption(String channel, String approach, Campaign.Step step) {
        String variant = channel + ":" + step.step() + ":" + approach;
        String id = variant + "/";
        TalkingPoints.Points points = lead.points().of(approach, step.step());
        Map<String, Slot> nameless = new HashMap<>(lead.slots());
        nameless.remove("name");
        Optional<Draft.Statement> hook = "question-led".equals(approach) && step.step() == 0
                ? lead.maker().say(id + "question", "lead", "question." + lead.focus(), nameless)
                : lead.maker().say(id + "hook", "lead", nameless.containsKey("city") ? "social.hook" : "social.hook-anywhere", nameless);
        Optional<Angle> trend = points.angles().stream().filter(a -> a.kind() == Angle.Kind.TREND).findFirst();
        List<Draft.Statement> opening = new ArrayList<>(hook.stream().toList());
        trend.flatMap(a -> lead.hook(id + "trend", a)).ifPresent(opening::add);
        int max = PlatformLimits.textMax(channel);
        List<Draft.Statement> offering = offer(id, points, max);
        Optional<Draft.Statement> cta = lead.maker().say(id + "cta", "courtesy", "social.cta", nameless);
        List<String> hashtags = hashtags(trend);
        Optional<Draft.Statement> tags = hashtags.isEmpty() ? Optional.empty() : Optional.of(new Draft.Statement(id + "hashtags",
                hashtags.stream().map(t -> "#" + t).collect(Collectors.joining(" ")), "courtesy", hashtagFacts(trend),
                Draft.Statement.UNCHECKED, null));
        List<Paragraph> caption = List.of(Paragraph.body(opening), Paragraph.body(offering), Paragraph.of(Paragraph.Kind.BODY, cta),
                Paragraph.of(Paragraph.Kind.BODY, tags));
        List<Paragraph> script = "tiktok".equals(channel) ? script(id, offering) : List.of();
        List<Draft.Statement> statements = new ArrayList<>(statements(caption));
        statements.addAll(statements(script));
        return message(variant, channel, step, Layout.text(caption), hashtags, script.isEmpty() ? null : Layout.text(script), statements);
    }

    private List<Paragraph> script(String id, List<Draft.Statement> offering) {
        Map<String, Slot> slots = new HashMap<>(lead.slots());
        slots.remove("name");
        List<Optional<Draft.Statement>> lines = new ArrayList<>();
        lines.add(lead.maker().say(id + "script-open", "courtesy", "script.open", slots));
        offering.stream().findFirst().ifPresent(offer -> {
            slots.put("statement", new Slot(offer.text(), offer.factIds()));
            lines.add(lead.maker().say(id + "script-say", "offering", "script.say", slots, PlatformLimits.TIKTOK_SCRIPT_MAX / 2));
        });
        lines.add(lead.maker().say(id + "script-close", "courtesy", "script.close", slots));
        return List.of(new Paragraph(Paragraph.Kind.SIGNATURE, lines.stream().flatMap(Optional::stream).toList()));
    }

    /** The first offering statement that leaves room for the rest of the message. */
    private static List<Draft.Statement> offer(String id, TalkingPoints.Points points, int max) {
        return points.offers().stream().filter(o -> o.text().length() <= max / 3).limit(1)
                .map(o -> Lead.offer(id + "offer-1", o)).collect(Collectors.toCollection(ArrayList::new));
    }

    private String ctaKey() {
        return lead.slots().containsKey("cta") ? "cta.campaign" : "cta.generic";
    }

    /** Lower-case tags (the sector, the city, the product, a rising term): a tag names no one. */
    private List<String> hashtags(Optional<Angle> trend) {
        Set<String> tags = new LinkedHashSet<>();
        for (String slot : List.of("sector", "city", "product")) {
            Optional.ofNullable(lead.slots().get(slot)).map(Slot::text).map(SocialWriter::tag).ifPresent(tags::add);
        }
        trend.map(a -> tag(a.value("term"))).ifPresent(tags::add);
        tags.remove("");
        return tags.stream().limit(Math.min(MAX_HASHTAGS, PlatformLimits.INSTAGRAM_HASHTAGS_MAX)).toList();
    }

    private List<String> hashtagFacts(Optional<Angle> trend) {
        Set<String> facts = new LinkedHashSet<>();
        for (String slot : List.of("sector", "city", "product")) {
            Optional.ofNullable(lead.slots().get(slot)).ifPresent(s -> facts.addAll(s.factIds()));
        }
        trend.ifPresent(a -> facts.addAll(a.factIds()));
        return List.copyOf(facts);
    }

    private static String tag(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private Draft.Message message(String variant, String channel, Campaign.Step step, String text, List<String> hashtags,
                                  String script, List<Draft.Statement> statements) {
        return new Draft.Message(variant, channel, step.step(), step.dayOffset(), lead.handles().get(channel), null, null,
                text, null, hashtags, script, statements);
    }

    private static List<Draft.Statement> statements(List<Paragraph> paragraphs) {
        return paragraphs.stream().flatMap(p -> p.statements().stream()).toList();
    }
}
