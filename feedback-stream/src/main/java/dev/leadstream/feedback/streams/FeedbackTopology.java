package dev.leadstream.feedback.streams;

import dev.leadstream.feedback.model.EngagementTally;
import dev.leadstream.feedback.model.WeightLearner;
import dev.leadstream.topics.JsonSerde;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.streams.DeadLetterScope;
import dev.leadstream.topics.streams.ReadOrDeadLetter;
import dev.leadstream.topics.streams.RequiredFields;
import dev.leadstream.topics.streams.SerializeWithinLimit;
import dev.leadstream.topics.streams.StampCloudEvents;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;


/**
 * engagement → outcome tallies per segment (state store) → learned weights → scoring-model.
 * Signals that are unreadable or name no lead or type go to engagement.dlq, and so does one our
 * own code fails on (see {@code DeadLetterProcessingHandler} in application.properties).
 */
public final class FeedbackTopology {

    public static final String TALLY_STORE = "engagement-by-segment";
    private static final String SOURCE = "/leadstream/feedback-stream";

    private FeedbackTopology() {
    }

    public static Topology build(WeightLearner learner, String defaultSegment) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Engagement> bySegment = ReadOrDeadLetter.stream(builder, Topics.ENGAGEMENT, "feedback-stream", FeedbackTopology::problem)
                .mapValues(e -> RequiredFields.blank(e.segment()) ? withSegment(e, defaultSegment) : e)
                // re-keyed by segment: the tallies and the compacted model are per segment
                .selectKey((leadId, e) -> e.segment())
                .repartition(Repartitioned.<String, Engagement>as("engagement-by-segment")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ENGAGEMENT.valueSerde()));
        DeadLetterScope.of(bySegment, "engagement-by-segment")
                .groupByKey(Grouped.with(Serdes.String(), Topics.ENGAGEMENT.valueSerde()))
                .aggregate(EngagementTally::empty, (segment, e, tally) -> tally.add(e),
                        Materialized.<String, EngagementTally, KeyValueStore<Bytes, byte[]>>as(TALLY_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(EngagementTally.class)))
                .toStream()
                .mapValues((segment, tally) -> learner.learn(segment, tally))
                .processValues(() -> new StampCloudEvents<ScoringModel>(Topics.SCORING_MODEL.eventType(), SOURCE))
                .processValues(() -> new SerializeWithinLimit<>(Topics.SCORING_MODEL))
                .to(Topics.SCORING_MODEL.name(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** A signal must name its lead and a known type; a segment, when it names one, must be an id. */
    private static String problem(Engagement signal) {
        String missing = RequiredFields.first(RequiredFields.id("leadId", signal.leadId()), RequiredFields.id("type", signal.type()));
        if (missing != null) {
            return missing;
        }
        if (!Engagement.TYPES.contains(signal.type())) {
            return "unknown engagement type " + signal.type();
        }
        return RequiredFields.blank(signal.segment()) ? null : RequiredFields.id("segment", signal.segment());
    }

    private static Engagement withSegment(Engagement e, String segment) {
        return new Engagement(e.eventId(), e.leadId(), e.type(), e.channel(), e.draftId(), segment, e.variant(),
                e.detail(), e.at(), e.provenance());
    }
}
