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
 * business from a stated founding year, opening hours, price range, its premises when it names
 * several, a stated headcount, the people its team page presents and the jobs it advertises.
 * Nothing is inferred from absence.
 */
public final class FirmographicHints {

    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
    private static final int EARLIEST = 1500;
    /** The number in a stated headcount: {@code 12}, {@code 10-49}, {@code 40+}. */
    private static final Pattern HEADCOUNT = Pattern.compile("\\d{1,5}(?:\\s*[-–]\\s*\\d{1,5}|\\+)?");

    public List<Signal> of(ScoredLead lead, Year now) {
        List<Signal> hints = new ArrayList<>();
        foundingYear(lead, now).ifPresent(founded -> hints.add(new Signal("firmographic", "years_in_business",
                Integer.toString(now.getValue() - founded.year()), "founded " + founded.year() + ", stated at " + where(founded.evidence()))));
        List<FieldValue> hours = lead.evidence().getOrDefault("openingHours", List.of());
        if (!hours.isEmpty()) {
            hints.add(new Signal("firmographic", "opening_hours",
                    String.join("; ", hours.stream().map(FieldValue::value).distinct().toList()),
                    "stated at " + String.join(" ", hours.stream().map(FieldValue::sourceUrl).distinct().toList())));
        }
        stated(lead, "priceRange").ifPresent(price -> hints.add(new Signal("firmographic", "price_range", price.value(),
                "stated at " + where(price))));
        locations(lead).ifPresent(hints::add);
        stated(lead, "employees").ifPresent(headcount -> {
            Matcher number = HEADCOUNT.matcher(headcount.value());
            if (number.find()) {
                hints.add(new Signal("firmographic", "employees", number.group(),
                        "\"" + headcount.value() + "\" at " + where(headcount)));
            }
        });
        stated(lead, "teamSize").ifPresent(team -> hints.add(new Signal("firmographic", "team_size", team.value(),
                team.value() + " people presented with a job title at " + where(team))));
        stated(lead, "openRoles").ifPresent(roles -> {
            String[] countAndTitles = roles.value().split(":\\s*", 2);
            hints.add(new Signal("firmographic", "open_roles", countAndTitles[0], "hiring"
                    + (countAndTitles.length > 1 ? " " + countAndTitles[1] : "") + ", posted at " + where(roles)));
        });
        return hints;
    }

    private static Optional<FieldValue> stated(ScoredLead lead, String field) {
        return lead.evidence().getOrDefault(field, List.of()).stream().findFirst();
    }

    /** Only a business that names two or more premises is said to have several; one address proves no count. */
    private static Optional<Signal> locations(ScoredLead lead) {
        List<FieldValue> premises = lead.evidence().getOrDefault("locations", List.of());
        if (premises.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Signal("firmographic", "locations", Integer.toString(premises.size()),
                premises.size() + " premises named: " + String.join("; ", premises.stream().map(FieldValue::value).toList())
                        + " (at " + String.join(" ", premises.stream().map(FieldValue::sourceUrl).distinct().toList()) + ")"));
    }

    private static String where(FieldValue v) {
        return v.sourceUrl() + " (" + v.method() + ")";
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
