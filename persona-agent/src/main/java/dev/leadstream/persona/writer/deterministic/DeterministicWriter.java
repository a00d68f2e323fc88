package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.language.Phrasebook;
import dev.leadstream.persona.persona.Angles;
import dev.leadstream.persona.persona.OfferingFocus;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.Instruction;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offline writer, and the LLM writer's fallback: every channel, sequence step and two
 * approaches ({@code signal-led}: why now, then the offer; {@code question-led}: a question about
 * their day, then the offer), from sentence plans per sector, signal and language. Which
 * alternative each sentence takes depends on a hash of the lead and the variant, so two
 * businesses get different emails and a re-run gets the same one. Every sentence about the lead
 * or the offering cites the facts its words came from.
 */
public final class DeterministicWriter implements ContentWriter {

    public static final String WRITER = "deterministic";
    public static final String MODEL = "sentence-plans-v1";
    public static final List<String> APPROACHES = List.of("signal-led", "question-led");

    /** A campaign-less draft: the first touch by email. */
    private static final List<Campaign.Step> FIRST_TOUCH = List.of(new Campaign.Step(0, 0, "intro"));

    @Override
    public Written write(Brief brief) {
        Lead lead = lead(brief);
        Campaign campaign = brief.campaign();
        List<String> channels = campaign == null || campaign.channels().isEmpty() ? List.of("email") : campaign.channels();
        List<Campaign.Step> steps = campaign == null || campaign.sequence().isEmpty() ? FIRST_TOUCH : campaign.sequence();
        EmailWriter email = new EmailWriter(lead);
        SocialWriter social = new SocialWriter(lead);
        List<Draft.Message> messages = new ArrayList<>();
        for (String channel : Campaign.CHANNELS.stream().filter(channels::contains).toList()) {
            for (String approach : APPROACHES) {
                Draft.Statement firstSubject = null;
                for (Campaign.Step step : steps) {
                    Draft.Message message = switch (channel) {
                        case "email" -> email.write(approach, step, firstSubject);
                        case "telegram" -> social.telegram(approach, step);
                        default -> social.caption(channel, approach, step);
                    };
                    if (step.step() == 0 && message.subject() != null) {
                        firstSubject = message.statements().getFirst();
                    }
                    messages.add(message);
                }
            }
        }
        return new Written(messages, new Draft.Generation(WRITER, MODEL, null, null, null, null, 1, null,
                brief.instruction(), List.of()));
    }

    private static Lead lead(Brief brief) {
        Phrasebook phrases = Phrasebook.of(Phrasebook.exists(brief.language()) ? brief.language() : "en");
        Facts facts = new Facts(brief.facts());
        Instruction instruction = Instruction.parse(brief.instruction());
        OfferingFocus focus = OfferingFocus.of(brief.campaign());
        TalkingPoints points = new TalkingPoints(Angles.of(facts, brief.signals(), focus), brief.campaign(), phrases.language(), facts, instruction);
        Set<String> rejected = brief.rejected().stream().map(Draft.Statement::id).collect(Collectors.toSet());
        SentenceMaker maker = new SentenceMaker(phrases, brief.lead().leadId(), rejected);
        Map<String, String> handles = brief.lead().socialHandles().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        String email = brief.lead().emails().isEmpty() ? null : brief.lead().emails().getFirst();
        return new Lead(maker, LeadSlots.of(facts, brief.campaign(), phrases), points, register(brief, instruction, phrases.language()),
                focus.key(), facts, phrases.language(), handles, email);
    }

    /** The reviewer's wish, else the campaign's tone, else what the language expects of a first letter. */
    static String register(Brief brief, Instruction instruction, String language) {
        if (instruction.register() != null) {
            return instruction.register();
        }
        String tone = brief.campaign() == null || brief.campaign().tone() == null ? "" : brief.campaign().tone().toLowerCase(Locale.ROOT);
        if (tone.matches(".*\\b(formal|professional|respectful)\\b.*")) {
            return Instruction.FORMAL;
        }
        if (tone.matches(".*\\b(friendly|warm|casual|informal|relaxed)\\b.*")) {
            return Instruction.FRIENDLY;
        }
        return List.of("de", "fr").contains(language) ? Instruction.FORMAL : Instruction.FRIENDLY;
    }
}
