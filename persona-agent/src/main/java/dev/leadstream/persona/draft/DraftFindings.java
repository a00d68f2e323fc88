package dev.leadstream.persona.draft;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.writer.Instruction;
import dev.leadstream.persona.writer.Mentions;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer must know about a draft as a whole: it has no campaign, no one to send the
 * email to, nothing of the offering in its language, and how the reviewer's instruction was
 * followed.
 */
final class DraftFindings {

    private DraftFindings() {
    }

    static List<Draft.GuardrailFinding> of(DraftRequest request, List<Draft.Message> messages, Instruction instruction, Facts facts,
                                           String language) {
        List<Draft.GuardrailFinding> found = new ArrayList<>();
        Campaign campaign = request.campaign();
        if (campaign == null) {
            found.add(block("no-campaign", "the selection names no campaign: the draft has no offering and no sender; "
                    + "select the lead into a campaign"));
        } else if (campaign.offering() != null && !campaign.offering().statements().isEmpty()
                && campaign.offering().statements().stream().noneMatch(s -> CampaignFacts.speaks(campaign, s, language))) {
            found.add(new Draft.GuardrailFinding("offering-language", Draft.GuardrailFinding.WARNING,
                    "no offering statement of the campaign is written in " + language + "; the draft names only the product"));
        }
        boolean emails = messages.stream().anyMatch(m -> "email".equals(m.channel()));
        if (emails && request.lead().emails().isEmpty()) {
            found.add(block("has-recipient", "the lead has no email address"));
        }
        if (request.instruction() != null && !request.instruction().isBlank()) {
            found.add(new Draft.GuardrailFinding("instruction", Draft.GuardrailFinding.INFO, "regenerated with \""
                    + request.instruction().strip() + "\""));
            instruction.notUnderstood().forEach(part -> found.add(new Draft.GuardrailFinding("instruction", Draft.GuardrailFinding.WARNING,
                    "\"" + part + "\" is no instruction the writer knows (shorter, longer, more formal, friendlier, mention ...); not followed")));
            if (instruction.mention() != null && !mentioned(messages, instruction, facts)) {
                found.add(new Draft.GuardrailFinding("instruction", Draft.GuardrailFinding.WARNING, "nothing the lead's facts or the offering "
                        + "say matches \"" + instruction.mention() + "\"; not mentioned"));
            }
        }
        return found;
    }

    /** Whether a statement cites a fact that matches what was to be mentioned. */
    private static boolean mentioned(List<Draft.Message> messages, Instruction instruction, Facts facts) {
        return messages.stream().flatMap(m -> m.statements().stream()).flatMap(s -> s.factIds().stream())
                .anyMatch(id -> Mentions.matches(facts.get(id).orElse(null), instruction.mentionWords()));
    }

    private static Draft.GuardrailFinding block(String rule, String message) {
        return new Draft.GuardrailFinding(rule, Draft.GuardrailFinding.BLOCK, message);
    }
}
