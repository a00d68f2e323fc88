package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.language.Phrasebook;
import dev.leadstream.persona.persona.Angle;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the phrases' slots are filled with for one lead, each with the facts it rests on: the
 * lead's name and city, its sector's nouns in the draft's language, the product and call to
 * action, and the values of one angle (the technology, the count, the quoted description...).
 */
final class LeadSlots {

    /** A quoted description stops at its first sentence, and at most this many characters. */
    static final int QUOTE_MAX = 140;

    private LeadSlots() {
    }

    static Map<String, Slot> of(Facts facts, Campaign campaign, Phrasebook phrases) {
        Map<String, Slot> slots = new HashMap<>();
        facts.value("lead:name").ifPresent(v -> slots.put("name", Slot.of(v, "lead:name")));
        facts.value("lead:location.city").ifPresent(v -> slots.put("city", Slot.of(v, "lead:location.city")));
        Optional<String> sector = facts.value("lead:sector").filter(s -> phrases.has("sector." + s));
        String[] cites = sector.isPresent() ? new String[] {"lead:sector"} : new String[0];
        String key = sector.orElse("default");
        slots.put("sector", Slot.of(phrases.word("sector." + key, ""), cites));
        slots.put("sectors", Slot.of(phrases.word("sectors." + key, ""), cites));
        slots.put("customers", Slot.of(phrases.word("customers." + key, ""), cites));
        facts.value(CampaignFacts.PRODUCT).ifPresent(v -> slots.put("product", Slot.of(v, CampaignFacts.PRODUCT)));
        // the call to action is written in the campaign's own language only
        boolean ownLanguage = campaign != null && !campaign.languages().isEmpty() && campaign.languages().getFirst().equals(phrases.language());
        facts.value(CampaignFacts.CALL_TO_ACTION).filter(v -> ownLanguage)
                .ifPresent(v -> slots.put("cta", Slot.of(v, CampaignFacts.CALL_TO_ACTION)));
        slots.put("unsubscribe", Slot.of(Draft.Message.UNSUBSCRIBE_PLACEHOLDER));
        return slots;
    }

    /** {@code base} plus what {@code angle} lets a sentence name. */
    static Map<String, Slot> with(Map<String, Slot> base, Angle angle, Phrasebook phrases) {
        Map<String, Slot> slots = new HashMap<>(base);
        String[] cites = angle.factIds().toArray(String[]::new);
        switch (angle.kind()) {
            case TECH_PRESENT -> {
                slots.put("tech", Slot.of(angle.value("tech"), cites));
                slots.put("tech-use", Slot.of(phrases.word("tech." + angle.value("category"), phrases.word("tech.cms", ""))));
            }
            case TECH_MISSING -> slots.put("missing", Slot.of(phrases.word("missing." + angle.value("focus"), ""), cites));
            case LOCATIONS -> slots.put("count", Slot.of(angle.value("count"), cites));
            case TREND -> slots.put("term", Slot.of(angle.value("term"), cites));
            case YEARS -> slots.put("years", Slot.of(angle.value("years"), cites));
            case DESCRIPTION -> slots.put("quote", Slot.of(phrases.word("quote.open", "\"") + quote(angle.value("description"))
                    + phrases.word("quote.close", "\""), cites));
            default -> {
                // hiring, place and lookalike name nothing beyond the base slots
            }
        }
        return slots;
    }

    /** The description's first sentence, cut at a word if it is long. */
    static String quote(String description) {
        String first = description.strip().split("(?<=[.!?])\\s+", 2)[0];
        if (first.length() <= QUOTE_MAX) {
            return first;
        }
        String cut = first.substring(0, QUOTE_MAX);
        int space = cut.lastIndexOf(' ');
        return (space > QUOTE_MAX / 2 ? cut.substring(0, space) : cut).replaceAll("[,;:\\s]+$", "") + "…";
    }
}
