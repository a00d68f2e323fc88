package dev.leadstream.persona.persona;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.facts.LeadFacts;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every angle a lead offers, strongest reason to write now first: what its site has or lacks for
 * the offering, hiring, several premises, a rising trend in its sector, a lookalike that answered,
 * its years in business, then its own description and where it is. Only what its facts show.
 */
public final class Angles {

    private static final Pattern OUTCOME = Pattern.compile("which (replied|clicked|opened) on");

    private Angles() {
    }

    public static List<Angle> of(Facts facts, List<EnrichedLead.Signal> signals, OfferingFocus focus) {
        List<Angle> angles = new ArrayList<>();
        technology(facts, focus).ifPresent(angles::add);
        facts.first("firmographic.open_roles").ifPresent(f -> angles.add(angle(Angle.Kind.HIRING, f, "count")));
        facts.first("firmographic.locations").ifPresent(f -> angles.add(angle(Angle.Kind.LOCATIONS, f, "count")));
        facts.first("trend.rising").ifPresent(f -> angles.add(new Angle(Angle.Kind.TREND, ids(f, facts, "lead:sector"),
                Map.of("term", f.value().replace(" (category)", "")))));
        lookalike(signals).ifPresent(angles::add);
        facts.first("firmographic.years_in_business").ifPresent(f -> angles.add(angle(Angle.Kind.YEARS, f, "years")));
        facts.get("lead:description").ifPresent(f -> angles.add(angle(Angle.Kind.DESCRIPTION, f, "description")));
        facts.get("lead:location.city").ifPresent(city -> angles.add(new Angle(Angle.Kind.PLACE,
                ids(city, facts, "lead:name"), Map.of("city", city.value()))));
        return List.copyOf(angles);
    }

    /** The technology the offering is about: the lead has it (named), or its crawled home page shows none. */
    private static Optional<Angle> technology(Facts facts, OfferingFocus focus) {
        if (focus.technology == null) {
            return facts.withFieldPrefix("technology.").stream().findFirst().map(Angles::present);
        }
        Optional<Draft.Fact> present = facts.first("technology." + focus.technology);
        if (present.isPresent()) {
            return present.map(Angles::present);
        }
        return facts.get("lead:site.url").map(site -> new Angle(Angle.Kind.TECH_MISSING,
                facts.has(CampaignFacts.PRODUCT) ? List.of(site.id(), CampaignFacts.PRODUCT) : List.of(site.id()),
                Map.of("focus", focus.key())));
    }

    private static Optional<Angle> lookalike(List<EnrichedLead.Signal> signals) {
        List<String> ids = LeadFacts.signalIds(signals);
        for (int i = 0; i < signals.size(); i++) {
            EnrichedLead.Signal s = signals.get(i);
            Matcher outcome = s.evidence() == null ? null : OUTCOME.matcher(s.evidence());
            if (ids.get(i) != null && "similar_to".equals(s.name()) && outcome != null && outcome.find()) {
                return Optional.of(new Angle(Angle.Kind.LOOKALIKE, List.of(ids.get(i)), Map.of("outcome", outcome.group(1))));
            }
        }
        return Optional.empty();
    }

    private static Angle angle(Angle.Kind kind, Draft.Fact fact, String valueName) {
        return new Angle(kind, List.of(fact.id()), Map.of(valueName, fact.value()));
    }

    private static Angle present(Draft.Fact technology) {
        return new Angle(Angle.Kind.TECH_PRESENT, List.of(technology.id()),
                Map.of("tech", technology.value(), "category", technology.field().substring("technology.".length())));
    }

    /** {@code fact}'s id and, where the lead has them, the ids of {@code more}. */
    private static List<String> ids(Draft.Fact fact, Facts facts, String... more) {
        List<String> ids = new ArrayList<>(List.of(fact.id()));
        for (String id : more) {
            if (facts.has(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
