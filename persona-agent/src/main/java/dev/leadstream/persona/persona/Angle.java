package dev.leadstream.persona.persona;

import java.util.List;
import java.util.Map;

/**
 * One thing worth saying about a lead, with the facts that show it: a reason to write now (a
 * technology it has or lacks, hiring, several premises, a rising trend, years in business, a
 * lookalike that answered) or an observation (its own description, where it is).
 *
 * @param values what the sentence may name (technology, count, term, ...), each found in {@code factIds}
 */
public record Angle(Kind kind, List<String> factIds, Map<String, String> values) {

    public enum Kind {
        TECH_PRESENT, TECH_MISSING, HIRING, LOCATIONS, TREND, YEARS, LOOKALIKE, DESCRIPTION, PLACE;

        public boolean isWhyNow() {
            return this != DESCRIPTION && this != PLACE;
        }
    }

    public Angle {
        factIds = List.copyOf(factIds);
        values = Map.copyOf(values);
    }

    public String value(String name) {
        return values.get(name);
    }
}
