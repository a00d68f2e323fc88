package dev.leadstream.scoring.model;

import dev.leadstream.scoring.icp.IdealCustomerProfile;
import dev.leadstream.scoring.icp.Segments;
import dev.leadstream.scoring.normalise.LeadStructure;
import dev.leadstream.scoring.normalise.SectorTaxonomy;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoredLead.DuplicateLink;
import dev.leadstream.topics.event.ScoredLead.FeatureContribution;
import dev.leadstream.topics.event.ScoringModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scores a merged lead against its segment's ideal-customer profile. Each feature is a value from
 * 0 to 1 times its weight: the profile's prior blended with the segment's learned model. The
 * score is the share of the total weight earned, 0 to 100, unless a knockout rule applies, which
 * makes it 0. Every feature's points and reason, and every knockout, travel with the score.
 */
public class LeadScorer {

    public static final String PRIOR_VERSION = "prior-v1";
    public static final String RULES_VERSION = "icp-weighted-features-v2";

    private final Segments segments;
    private final SectorTaxonomy taxonomy;
    private final double learnedShare;
    private final String version;

    public LeadScorer(Segments segments, SectorTaxonomy taxonomy, double learnedShare, String version) {
        this.segments = segments;
        this.taxonomy = taxonomy;
        this.learnedShare = learnedShare;
        this.version = version;
    }

    /** A lead normalised and placed in its segment, ready to be scored with that segment's model. */
    public record Assessment(MergedLead lead, LeadStructure structure, IdealCustomerProfile icp) {
        public String segment() {
            return icp.segment();
        }
    }

    public Assessment assess(MergedLead lead) {
        LeadStructure structure = LeadStructure.of(lead, taxonomy);
        return new Assessment(lead, structure, segments.of(structure));
    }

    public ScoredLead score(Assessment assessment, List<DuplicateLink> duplicates, ScoringModel model) {
        MergedLead lead = assessment.lead();
        LeadStructure structure = assessment.structure();
        IdealCustomerProfile icp = assessment.icp();
        List<FeatureContribution> explanation = new ArrayList<>();
        double earned = 0;
        double possible = 0;
        for (Map.Entry<String, Double> entry : icp.weights().entrySet()) {
            Optional<Feature> feature = feature(entry.getKey(), lead, structure, icp);
            if (feature.isEmpty()) {
                continue; // the profile does not ask about it, e.g. sector_match without target sectors
            }
            double weight = weight(entry.getKey(), entry.getValue(), model);
            double points = feature.get().value() * weight;
            earned += points;
            possible += weight;
            explanation.add(new FeatureContribution(entry.getKey(), round(feature.get().value()), round(weight),
                    round(points), feature.get().reason()));
        }
        List<String> knockouts = knockouts(structure, icp);
        int score = !knockouts.isEmpty() || possible <= 0 ? 0
                : (int) Math.round(Math.max(0, Math.min(100, 100 * earned / possible)));
        return new ScoredLead(lead.leadId(), text(lead.name()), lead.website(),
                structure.emails().stream().map(ScoredLead.Email::address).toList(), structure.phones(),
                text(lead.address()), text(lead.description()),
                lead.socialProfiles().values().stream().map(FieldValue::value).toList(),
                lead.categories().values().stream().map(FieldValue::value).toList(), lead.sourceUrls(),
                icp.segment(), score, ScoredLead.tierOf(score), explanation,
                model == null ? PRIOR_VERSION : model.version(),
                new Provenance("scoring-stream", version, RULES_VERSION, lead.updatedAt()),
                structure.sector().map(SectorTaxonomy.Sector::id).orElse(null), structure.location(),
                structure.emails(), structure.socialHandles(), structure.signals(), duplicates, knockouts,
                lead.evidence(), lead.history(), lead.updatedAt(), lead.requestIds(), lead.site());
    }

    private double weight(String feature, double priorWeight, ScoringModel model) {
        if (model == null || !model.weights().containsKey(feature)) {
            return priorWeight;
        }
        return (1 - learnedShare) * priorWeight + learnedShare * model.weights().get(feature);
    }

    private record Feature(double value, String reason) {
    }

    private static Optional<Feature> feature(String name, MergedLead lead, LeadStructure s, IdealCustomerProfile icp) {
        return Optional.ofNullable(switch (name) {
            case "has_name" -> present(lead.name() != null, "business name found", "no business name found");
            case "has_email" -> present(s.hasEmail(), s.emails().size() + " valid email address(es)", "no valid email address");
            case "personal_email" -> present(s.hasPersonalEmail(), "an address that reaches a person",
                    s.hasEmail() ? "only role addresses such as info@" : "no valid email address");
            case "has_phone" -> present(s.hasPhone(), s.phones().size() + " valid phone number(s)", "no valid phone number");
            case "has_address" -> present(lead.address() != null, "postal address found", "no postal address found");
            case "has_description" -> present(lead.description() != null, "the site describes the business", "no description found");
            case "has_social" -> present(!s.socialHandles().isEmpty(), "on " + String.join(", ", s.socialHandles().keySet()),
                    "no social profile found");
            case "https_website" -> present(s.signals().https(), "website served over https", "website not served over https");
            case "reachable_website" -> present(s.signals().reachable(), "a page of the website was read", "the website was not read");
            case "structured_data" -> present(hasStructuredData(lead), "the site publishes schema.org data", "no schema.org data");
            case "completeness" -> new Feature(s.signals().completeness(),
                    Math.round(s.signals().completeness() * 100) + "% of the profile is filled");
            case "sector_match" -> icp.sectors().isEmpty() ? null : present(icp.targetsSector(s.sector().map(SectorTaxonomy.Sector::id)),
                    "sector " + s.sector().map(SectorTaxonomy.Sector::id).orElse("") + " is targeted",
                    s.sector().map(x -> "sector " + x.id() + " is not targeted").orElse("sector unknown"));
            case "geo_match" -> icp.geographies().isEmpty() ? null : icp.inGeography(s.location())
                    .map(in -> present(in, "located in " + place(s), "located in " + place(s) + ", outside " + icp.geographies()))
                    .orElse(new Feature(0, "location unknown"));
            default -> new Feature(0, "not measured by this scorer");
        });
    }

    private static List<String> knockouts(LeadStructure s, IdealCustomerProfile icp) {
        List<String> out = new ArrayList<>();
        if (icp.knockouts().contains(IdealCustomerProfile.NO_CONTACT) && !s.hasEmail() && !s.hasPhone()) {
            out.add(IdealCustomerProfile.NO_CONTACT + ": no valid email address or phone number");
        }
        if (icp.knockouts().contains(IdealCustomerProfile.OUTSIDE_GEOGRAPHY)
                && icp.inGeography(s.location()).filter(in -> !in).isPresent()) {
            out.add(IdealCustomerProfile.OUTSIDE_GEOGRAPHY + ": located in " + place(s) + ", outside " + icp.geographies());
        }
        List<String> missing = icp.missingChannels(s);
        if (icp.knockouts().contains(IdealCustomerProfile.MISSING_REQUIRED_CHANNEL) && !missing.isEmpty()) {
            out.add(IdealCustomerProfile.MISSING_REQUIRED_CHANNEL + ": no " + String.join(" or ", missing));
        }
        return out;
    }

    private static String place(LeadStructure s) {
        var l = s.location();
        return l == null ? "an unknown place" : Stream.of(l.city(), l.region(), l.country())
                .filter(p -> p != null).reduce((a, b) -> a + ", " + b).orElse("an unknown place");
    }

    private static boolean hasStructuredData(MergedLead lead) {
        return lead.name() != null && List.of("json-ld", "microdata", "rdfa").contains(lead.name().method());
    }

    private static Feature present(boolean yes, String whyYes, String whyNo) {
        return yes ? new Feature(1, whyYes) : new Feature(0, whyNo);
    }

    private static String text(FieldValue value) {
        return value == null ? null : value.value();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
