package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.persona.persona.Angle;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the message writers share for one lead: its sentence maker, the base slots, its
 * talking points, the register (formal or friendly) and the offering's focus.
 */
record Lead(SentenceMaker maker, Map<String, Slot> slots, TalkingPoints points, String register, String focus,
            Facts facts, String language, Map<String, String> handles, String email) {

    /** The sentence about {@code angle}, citing the angle's facts as well as its slots'. */
    Optional<Draft.Statement> hook(String id, Angle angle) {
        String key = "hook." + angle.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return maker.say(id, "lead", key, LeadSlots.with(slots, angle, maker.phrases())).map(s -> citing(s, angle.factIds()));
    }

    Optional<Draft.Statement> say(String id, String about, String key) {
        return maker.say(id, about, key, slots);
    }

    Optional<Draft.Statement> say(String id, String about, String key, int maxLength) {
        return maker.say(id, about, key, slots, maxLength);
    }

    /** An offering statement as the campaign words it in this language. */
    static Draft.Statement offer(String id, TalkingPoints.Offer offer) {
        return new Draft.Statement(id, offer.text(), "offering", List.of(offer.factId()), Draft.Statement.UNCHECKED, null);
    }

    /** A line that states a fact as it is (the sender's name, the postal address). */
    Optional<Draft.Statement> line(String id, String... factIds) {
        List<String> values = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (String factId : factIds) {
            facts.value(factId).ifPresent(v -> {
                values.add(v);
                cited.add(factId);
            });
        }
        return values.isEmpty() ? Optional.empty()
                : Optional.of(new Draft.Statement(id, String.join(", ", values), "courtesy", cited, Draft.Statement.UNCHECKED, null));
    }

    static Draft.Statement citing(Draft.Statement s, List<String> more) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(s.factIds());
        ids.addAll(more);
        return new Draft.Statement(s.id(), s.text(), s.about(), List.copyOf(ids), s.status(), s.reason());
    }
}
