package dev.leadstream.scoring.icp;

import dev.leadstream.scoring.normalise.LeadStructure;
import dev.leadstream.topics.event.ScoredLead.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Whom a campaign wants: target sectors and geographies, the channels a lead must have, the
 * feature weights, and the knockout rules that rule a lead out whatever else it scores.
 */
public record IdealCustomerProfile(
        String segment,
        List<String> sectors,
        List<String> geographies,
        List<String> requiredChannels,
        List<String> knockouts,
        Map<String, Double> weights) {

    public static final String NO_CONTACT = "no-contact";
    public static final String OUTSIDE_GEOGRAPHY = "outside-geography";
    public static final String MISSING_REQUIRED_CHANNEL = "missing-required-channel";
    public static final List<String> KNOCKOUTS = List.of(NO_CONTACT, OUTSIDE_GEOGRAPHY, MISSING_REQUIRED_CHANNEL);
    public static final List<String> CHANNELS = List.of("email", "phone", "social");

    public IdealCustomerProfile {
        sectors = lower(sectors);
        geographies = lower(geographies);
        requiredChannels = lower(requiredChannels);
        knockouts = lower(knockouts);
        weights = new TreeMap<>(weights);
        List<String> unknown = new ArrayList<>(knockouts);
        unknown.removeAll(KNOCKOUTS);
        List<String> unknownChannels = new ArrayList<>(requiredChannels);
        unknownChannels.removeAll(CHANNELS);
        if (!unknown.isEmpty() || !unknownChannels.isEmpty()) {
            throw new IllegalArgumentException("segment " + segment + ": unknown knockout rules " + unknown
                    + " or channels " + unknownChannels + "; knockouts are " + KNOCKOUTS + ", channels " + CHANNELS);
        }
    }

    public boolean targetsSector(Optional<String> sector) {
        return sector.isPresent() && sectors.contains(sector.get());
    }

    /** Empty when the lead's location is unknown: nothing says whether it is inside. */
    public Optional<Boolean> inGeography(Location location) {
        if (geographies.isEmpty() || location == null) {
            return Optional.empty();
        }
        List<String> places = Stream.of(location.country(), location.region(), location.city())
                .filter(p -> p != null).map(p -> p.toLowerCase(Locale.ROOT)).toList();
        if (places.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(places.stream().anyMatch(geographies::contains));
    }

    public List<String> missingChannels(LeadStructure lead) {
        return requiredChannels.stream().filter(c -> switch (c) {
            case "email" -> !lead.hasEmail();
            case "phone" -> !lead.hasPhone();
            default -> lead.socialHandles().isEmpty();
        }).toList();
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
    }
}
