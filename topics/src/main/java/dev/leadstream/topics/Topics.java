package dev.leadstream.topics;

import dev.leadstream.topics.event.Approval;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every topic of the contract, paired with its serdes. Nobody spells a topic name elsewhere. */
public final class Topics {

    public static final Topic<DiscoveryRequest> DISCOVERY_REQUESTS =
            new Topic<>("discovery-requests", DiscoveryRequest.class, "dev.leadstream.discovery.requested");
    public static final Topic<DiscoveryProgress> DISCOVERY_PROGRESS =
            new Topic<>("discovery-progress", DiscoveryProgress.class, "dev.leadstream.discovery.progressed");
    public static final Topic<RawLead> RAW_LEADS =
            new Topic<>("raw-leads", RawLead.class, "dev.leadstream.lead.scraped");
    public static final Topic<ScoredLead> SCORED_LEADS =
            new Topic<>("scored-leads", ScoredLead.class, "dev.leadstream.lead.scored");
    public static final Topic<EnrichedLead> ENRICHED_LEADS =
            new Topic<>("enriched-leads", EnrichedLead.class, "dev.leadstream.lead.enriched");
    /** Carries three event types; the record's own {@code type} names which. */
    public static final Topic<Approval> APPROVED =
            new Topic<>("approved", Approval.class, "dev.leadstream.approval");
    /** Compacted: the latest version of every campaign. */
    public static final Topic<Campaign> CAMPAIGNS =
            new Topic<>("campaigns", Campaign.class, "dev.leadstream.campaign.published");
    public static final Topic<Draft> DRAFTS =
            new Topic<>("drafts", Draft.class, "dev.leadstream.draft.written");
    public static final Topic<Engagement> ENGAGEMENT =
            new Topic<>("engagement", Engagement.class, "dev.leadstream.engagement");
    public static final Topic<ScoringModel> SCORING_MODEL =
            new Topic<>("scoring-model", ScoringModel.class, "dev.leadstream.scoring-model.published");

    /**
     * Where the outbox relay dead-letters a row routed to no topic of the contract: there is no
     * {@code <topic>.dlq} for it. Its records are outbox payloads of any shape.
     */
    public static final String UNROUTABLE_OUTBOX_ROWS = "outbox-relay.dlq";

    private static final List<Topic<?>> ALL = List.of(
            DISCOVERY_REQUESTS, DISCOVERY_PROGRESS, RAW_LEADS, SCORED_LEADS, ENRICHED_LEADS, APPROVED, CAMPAIGNS, DRAFTS, ENGAGEMENT, SCORING_MODEL);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The name of every topic the contract holds: each topic, its dead-letter topic, and {@link #UNROUTABLE_OUTBOX_ROWS}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ALL.forEach(t -> {
            names.add(t.name());
            names.add(t.dlq());
        });
        names.add(UNROUTABLE_OUTBOX_ROWS);
        return List.copyOf(names);
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
