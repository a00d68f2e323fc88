package dev.leadstream.feedback.streams;

import dev.leadstream.feedback.model.EngagementTally;
import dev.leadstream.feedback.model.WeightLearner;
import dev.leadstream.topics.JsonSerde;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.streams.ReadOrDeadLetter;
import dev.leadstream.topics.streams.StampCloudEvents;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;


/** engagement → outcome tallies per segment (state store) → learned weights → scoring-model. */
public final class FeedbackTopology {

    public static final String TALLY_STORE = "engagement-by-segment";
    private static final String SOURCE = "/leadstream/feedback-stream";

    private FeedbackTopology() {
    }

    public static Topology build(WeightLearner learner, String defaultSegment) {
        StreamsBuilder builder = new StreamsBuilder();
        ReadOrDeadLetter.stream(builder, Topics.ENGAGEMENT, "feedback-stream", FeedbackTopology::problem)
                .mapValues(e -> e.segment() == null ? withSegment(e, defaultSegment) : e)
                // re-keyed by segment: the tallies and the compacted model are per segment
                .selectKey((leadId, e) -> e.segment())
                .groupByKey(Grouped.with("engagement-by-segment", Serdes.String(), Topics.ENGAGEMENT.valueSerde()))
                .aggregate(EngagementTally::empty, (segment, e, tally) -> tally.add(e),
                        Materialized.<String, EngagementTally, KeyValueStore<Bytes, byte[]>>as(TALLY_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(EngagementTally.class)))
                .toStream()
                .mapValues((segment, tally) -> learner.learn(segment, tally))
                .processValues(() -> new StampCloudEvents<ScoringModel>(Topics.SCORING_MODEL.eventType(), SOURCE))
                .to(Topics.SCORING_MODEL.name(), Produced.with(Serdes.String(), Topics.SCORING_MODEL.valueSerde()));
        return builder.build();
    }

    private static String problem(Engagement signal) {
        return Engagement.TYPES.contains(signal.type()) ? null : "unknown engagement type " + signal.type();
    }

    private static Engagement withSegment(Engagement e, String segment) {
        return new Engagement(e.eventId(), e.leadId(), e.type(), e.channel(), e.draftId(), segment, e.variant(),
                e.detail(), e.at(), e.provenance());
    }
}
