package dev.leadstream.enrichment.signals;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.ScoredLead;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the business's own pages say about its size and age, only where they say it: years in
 * business from a stated founding year, and its opening hours. Nothing is inferred from absence.
 */
public final class FirmographicHints {

    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
    private static final int EARLIEST = 1500;

    public List<Signal> of(ScoredLead lead, Year now) {
        List<Signal> hints = new ArrayList<>();
        foundingYear(lead, now).ifPresent(founded -> hints.add(new Signal("firmographic", "years_in_business",
                Integer.toString(now.getValue() - founded.year()), "founded " + founded.year() + ", stated at "
                + founded.evidence().sourceUrl() + " (" + founded.evidence().method() + ")")));
        List<FieldValue> hours = lead.evidence().getOrDefault("openingHours", List.of());
        if (!hours.isEmpty()) {
            hints.add(new Signal("firmographic", "opening_hours",
                    String.join("; ", hours.stream().map(FieldValue::value).distinct().toList()),
                    "stated at " + String.join(" ", hours.stream().map(FieldValue::sourceUrl).distinct().toList())));
        }
        return hints;
    }

    private record Founded(int year, FieldValue evidence) {
    }

    /** The most confident stated year that is a real year, not in the future. */
    private static Optional<Founded> foundingYear(ScoredLead lead, Year now) {
        return lead.evidence().getOrDefault("foundingYear", List.of()).stream()
                .sorted(Comparator.comparingDouble(FieldValue::confidence).reversed())
                .flatMap(v -> {
                    Matcher m = YEAR.matcher(v.value());
                    return m.find() ? Optional.of(new Founded(Integer.parseInt(m.group(1)), v)).stream() : Optional.<Founded>empty().stream();
                })
                .filter(f -> f.year() >= EARLIEST && f.year() <= now.getValue())
                .findFirst();
    }
}
