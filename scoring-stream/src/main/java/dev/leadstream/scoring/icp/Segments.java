package dev.leadstream.scoring.icp;

import dev.leadstream.scoring.config.ScoringConfig;
import dev.leadstream.scoring.normalise.LeadStructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured profiles, and which one a lead belongs to: the first segment (by name) that
 * targets the lead's sector and, where it names geographies, its place; otherwise the default.
 */
public final class Segments {

    private final IdealCustomerProfile fallback;
    private final List<IdealCustomerProfile> campaigns;

    public Segments(IdealCustomerProfile fallback, List<IdealCustomerProfile> campaigns) {
        this.fallback = fallback;
        this.campaigns = List.copyOf(campaigns);
    }

    public static Segments from(ScoringConfig config) {
        IdealCustomerProfile fallback = new IdealCustomerProfile(config.segment(), List.of(), List.of(), List.of(),
                config.knockouts(), config.prior());
        List<IdealCustomerProfile> campaigns = new ArrayList<>();
        new TreeMap<>(config.segments()).forEach((name, s) -> {
            Map<String, Double> weights = new HashMap<>(config.prior());
            weights.putAll(s.weights());
            campaigns.add(new IdealCustomerProfile(name, s.sectors().orElse(List.of()), s.geographies().orElse(List.of()),
                    s.requiredChannels().orElse(List.of()), s.knockouts(), weights));
        });
        return new Segments(fallback, campaigns);
    }

    public IdealCustomerProfile of(LeadStructure lead) {
        return campaigns.stream()
                .filter(icp -> icp.targetsSector(lead.sector().map(s -> s.id())))
                .filter(icp -> icp.inGeography(lead.location()).orElse(true))
                .findFirst().orElse(fallback);
    }
}
