package dev.leadstream.scoring.streams;

import dev.leadstream.scoring.model.DuplicateIndex.Group;
import dev.leadstream.scoring.model.DuplicateIndex.GroupView;
import dev.leadstream.scoring.model.DuplicateIndex.Links;
import dev.leadstream.scoring.model.DuplicateIndex.Membership;
import dev.leadstream.scoring.model.DuplicateIndex.Profile;
import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.model.MergedLead;
import dev.leadstream.topics.JsonSerde;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.streams.DeadLetterScope;
import dev.leadstream.topics.streams.ReadOrDeadLetter;
import dev.leadstream.topics.streams.RecordLimits;
import dev.leadstream.topics.streams.RequiredFields;
import dev.leadstream.topics.streams.SerializeWithinLimit;
import dev.leadstream.topics.streams.StampCloudEvents;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.List;

/**
 * raw-leads → one merged lead per lead id (field-level merge, evidence, history) → a duplicate
 * index over match keys (same phone, same name and address) that links leads with different ids
 * → scored against the lead's segment with the learned model from the scoring-model GlobalKTable
 * → scored-leads. When a segment's model changes, {@link ScoreProcessor} re-scores that segment's
 * leads from the merged and links stores. Unreadable records go to raw-leads.dlq, and so does a
 * record our own code fails on (see {@code DeadLetterProcessingHandler} in application.properties).
 */
public final class ScoringTopology {

    public static final String MERGED_STORE = "merged-leads";
    public static final String MODELS_STORE = "scoring-models";
    public static final String MATCH_GROUPS_STORE = "match-groups";
    public static final String LINKS_STORE = "lead-links";
    public static final String APPLIED_MODELS_STORE = "applied-models";
    private static final String SOURCE = "/leadstream/scoring-stream";

    private ScoringTopology() {
    }

    public static Topology build(LeadScorer scorer) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(Topics.SCORING_MODEL.name(),
                Consumed.with(Serdes.String(), Topics.SCORING_MODEL.valueSerde()), Materialized.as(MODELS_STORE));

        KTable<String, MergedLead> merged = ReadOrDeadLetter.stream(builder, Topics.RAW_LEADS, "scoring-stream", ScoringTopology::problem)
                .groupByKey(Grouped.with(Serdes.String(), Topics.RAW_LEADS.valueSerde()))
                .aggregate(MergedLead::empty, (leadId, raw, lead) -> RecordLimits.stateWithinLimit(lead.merge(raw), MERGED_STORE),
                        Materialized.<String, MergedLead, KeyValueStore<Bytes, byte[]>>as(MERGED_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(MergedLead.class)));

        KStream<String, Membership> byMatchKey = merged.toStream(Named.as("merged-changes"))
                .flatMap((leadId, lead) -> memberships(lead), Named.as("match-key-memberships"))
                .repartition(Repartitioned.<String, Membership>as("match-keys")
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(Membership.class)));
        KTable<String, Links> links = DeadLetterScope.of(byMatchKey, "match-keys")
                .groupByKey(Grouped.with(Serdes.String(), new JsonSerde<>(Membership.class)))
                .aggregate(Group::empty, (key, change, group) -> group.apply(change),
                        Materialized.<String, Group, KeyValueStore<Bytes, byte[]>>as(MATCH_GROUPS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(Group.class)))
                .toStream(Named.as("match-group-changes"))
                .flatMap((key, group) -> group.othersByLead().entrySet().stream()
                        .map(e -> KeyValue.pair(e.getKey(), new GroupView(key, e.getValue()))).toList(),
                        Named.as("match-group-views"))
                .groupByKey(Grouped.with("lead-links", Serdes.String(), new JsonSerde<>(GroupView.class)))
                .aggregate(Links::empty, (leadId, view, current) -> current.with(view),
                        Materialized.<String, Links, KeyValueStore<Bytes, byte[]>>as(LINKS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(Links.class)));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPLIED_MODELS_STORE),
                Serdes.String(), Serdes.String()));

        merged.leftJoin(links, Profile::new, Named.as("merged-with-links"))
                .toStream(Named.as("profiles"))
                // re-scoring reads the merged leads and their links from the stores the join already keeps
                .process(() -> new ScoreProcessor(scorer), Named.as("score"), MERGED_STORE, LINKS_STORE, APPLIED_MODELS_STORE)
                .processValues(() -> new StampCloudEvents<ScoredLead>(Topics.SCORED_LEADS.eventType(), SOURCE))
                .processValues(() -> new SerializeWithinLimit<>(Topics.SCORED_LEADS), Named.as("scored-within-limit"))
                .to(Topics.SCORED_LEADS.name(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static List<KeyValue<String, Membership>> memberships(MergedLead lead) {
        List<KeyValue<String, Membership>> changes = new ArrayList<>();
        lead.joinedMatchKeys().forEach(k -> changes.add(KeyValue.pair(k, new Membership(lead.leadId(), true))));
        lead.retiredMatchKeys().forEach(k -> changes.add(KeyValue.pair(k, new Membership(lead.leadId(), false))));
        return changes;
    }

    /** A lead must name itself; one that does not can never be merged, so it is dead on arrival. */
    private static String problem(RawLead lead) {
        String id = RequiredFields.id("leadId", lead.leadId());
        return id == null ? null : "raw lead: " + id;
    }
}
