package dev.leadstream.scoring.streams;

import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.model.MergedLead;
import dev.leadstream.topics.JsonSerde;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.streams.ReadOrDeadLetter;
import dev.leadstream.topics.streams.StampCloudEvents;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;


/**
 * raw-leads → merged per lead (state store) → scored against the segment's learned model
 * (GlobalKTable of scoring-model) → scored-leads. Unreadable records go to raw-leads.dlq.
 */
public final class ScoringTopology {

    public static final String MERGED_STORE = "merged-leads";
    public static final String MODELS_STORE = "scoring-models";
    private static final String SOURCE = "/leadstream/scoring-stream";

    private ScoringTopology() {
    }

    public static Topology build(LeadScorer scorer) {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalKTable<String, ScoringModel> models = builder.globalTable(Topics.SCORING_MODEL.name(),
                Consumed.with(Serdes.String(), Topics.SCORING_MODEL.valueSerde()), Materialized.as(MODELS_STORE));

        ReadOrDeadLetter.stream(builder, Topics.RAW_LEADS, "scoring-stream", ScoringTopology::problem)
                .groupByKey(Grouped.with(Serdes.String(), Topics.RAW_LEADS.valueSerde()))
                .aggregate(MergedLead::empty, (leadId, raw, merged) -> merged.merge(raw),
                        Materialized.<String, MergedLead, KeyValueStore<Bytes, byte[]>>as(MERGED_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(MergedLead.class)))
                .toStream()
                .leftJoin(models, (leadId, merged) -> scorer.segment(), scorer::score)
                .processValues(() -> new StampCloudEvents<ScoredLead>(Topics.SCORED_LEADS.eventType(), SOURCE))
                .to(Topics.SCORED_LEADS.name(), Produced.with(Serdes.String(), Topics.SCORED_LEADS.valueSerde()));
        return builder.build();
    }

    /** A lead must name itself; one that does not can never be merged, so it is dead on arrival. */
    private static String problem(RawLead lead) {
        return lead.leadId() == null || lead.leadId().isBlank() ? "raw lead without a leadId" : null;
    }
}
