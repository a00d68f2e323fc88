package dev.leadstream.persona.persona;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.language.Phrasebook;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who we write to at a lead, what they likely care about given the offering, and why now, as
 * statements for the reviewer (in English, the review UI's language), each citing its facts.
 */
public final class PersonaBuilder {

    private static final Phrasebook ENGLISH = Phrasebook.of("en");

    public Draft.Persona build(Facts facts, List<EnrichedLead.Signal> signals, Campaign campaign) {
        SectorProfile profile = SectorProfile.of(facts.value("lead:sector").orElse(null));
        OfferingFocus focus = OfferingFocus.of(campaign);
        String name = facts.value("lead:name").orElse("this business");
        String sector = facts.value("lead:sector").map(s -> ENGLISH.word("sector." + s, s)).orElse("business");
        Optional<String> city = facts.value("lead:location.city");

        List<Draft.Statement> statements = new ArrayList<>();
        statements.add(statement("who", name + " is a " + sector + city.map(c -> " in " + c).orElse("") + "; "
                + profile.decisionMaker() + " most likely decides.", present(facts, "lead:name", "lead:sector", "lead:location.city")));
        List<String> interests = profile.interests();
        String cares = "they likely care about " + interests.get(0) + " and " + interests.get(1) + ".";
        statements.add(facts.value(CampaignFacts.PRODUCT)
                .map(product -> statement("cares", "Given " + product + ", " + cares, List.of(CampaignFacts.PRODUCT)))
                .orElse(statement("cares", "As a " + sector + ", " + cares, present(facts, "lead:sector"))));
        int n = 0;
        for (Angle angle : Angles.of(facts, signals, focus)) {
            if (angle.kind().isWhyNow()) {
                statements.add(statement("why-now-" + ++n, whyNow(angle, sector, facts), angle.factIds()));
            }
        }
        String summary = capitalised(profile.decisionMaker()) + " of " + name + ", a " + sector + city.map(c -> " in " + c).orElse("")
                + (n == 0 ? "; no signal says why now." : "; " + n + (n == 1 ? " reason" : " reasons") + " to write now.");
        String tone = campaign != null && campaign.tone() != null ? campaign.tone() : "friendly, brief";
        return new Draft.Persona(summary, tone, interests, profile.decisionMaker(), statements);
    }

    private static String whyNow(Angle angle, String sector, Facts facts) {
        String product = facts.value(CampaignFacts.PRODUCT).orElse("the offering");
        return switch (angle.kind()) {
            case TECH_PRESENT -> "Their site already uses " + angle.value("tech") + " (" + angle.value("category")
                    + "), so the offering has to fit next to it.";
            case TECH_MISSING -> "Their home page shows no " + angle.value("focus") + " tool, which is what " + product + " adds.";
            case HIRING -> "They are hiring (" + angle.value("count") + " open roles), so the team is growing.";
            case LOCATIONS -> "They name " + angle.value("count") + " premises, so they run more than one site.";
            case TREND -> "\"" + angle.value("term") + "\" is rising among new " + sector + " leads in their region.";
            case YEARS -> "They have been in business for " + angle.value("years") + " years.";
            case LOOKALIKE -> "A business much like them " + switch (angle.value("outcome")) {
                case "replied" -> "replied to our outreach";
                case "clicked" -> "clicked through our outreach";
                default -> "opened our outreach";
            } + " recently.";
            default -> throw new IllegalArgumentException(angle.kind() + " is no reason to write now");
        };
    }

    private static Draft.Statement statement(String id, String text, List<String> facts) {
        return new Draft.Statement("persona/" + id, text, "persona", facts, Draft.Statement.UNCHECKED, null);
    }

    private static List<String> present(Facts facts, String... ids) {
        return List.of(ids).stream().filter(facts::has).toList();
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
