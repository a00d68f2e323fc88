package dev.leadstream.enrichment.trends;

import dev.leadstream.topics.JsonSerde;
import dev.leadstream.topics.Topic;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.streams.DeadLetterScope;
import dev.leadstream.topics.streams.ReadOrDeadLetter;
import dev.leadstream.topics.streams.RequiredFields;
import dev.leadstream.topics.streams.SerializeWithinLimit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * Trend momentum from the stream itself. Each lead is counted once, when first scored: every term
 * it brings is counted per sector × region in hopping windows; the counts per sector × region are
 * folded into a {@link TrendBoard}, published to a compacted topic of this agent's, and read back
 * as a global table so every instance can answer for every lead. A scored lead it cannot read or
 * count goes to scored-leads.dlq under its own agent name.
 */
public final class TrendTopology {

    public static final String SEEN_STORE = "trend-leads-seen";
    public static final String BOARD_STORE = "trend-boards";
    /** The dead-letter agent header: enrichment-agent's messaging consumer dead-letters scored leads on its own. */
    public static final String AGENT = "enrichment-agent-trends";

    /** One window's count of one term on one board. */
    public record TermCount(String sector, String region, String term, long windowStart, long count) {
    }

    private TrendTopology() {
    }

    public static Topology build(String boardsTopic, Momentum momentum, Duration window, Duration advance) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE), Serdes.String(), Serdes.Long()));
        JsonSerde<TermCount> termCounts = new JsonSerde<>(TermCount.class);
        JsonSerde<TrendBoard> boards = new JsonSerde<>(TrendBoard.class);

        KStream<String, Long> terms = ReadOrDeadLetter.stream(builder, Topics.SCORED_LEADS, AGENT, TrendTopology::problem)
                .process(FirstSighting::new, SEEN_STORE)
                .flatMap((leadId, lead) -> TrendTerms.of(lead).stream()
                        .map(term -> KeyValue.pair(TrendTerms.sector(lead) + "|" + TrendTerms.region(lead) + "|" + term, 1L))
                        .toList())
                .repartition(Repartitioned.<String, Long>as("trend-terms").withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        KStream<String, TermCount> counts = DeadLetterScope.of(terms, "trend-terms")
                .groupByKey(Grouped.with(Serdes.String(), Serdes.Long()))
                .windowedBy(TimeWindows.ofSizeAndGrace(window, window).advanceBy(advance))
                .count(Materialized.<String, Long, org.apache.kafka.streams.state.WindowStore<Bytes, byte[]>>as("trend-term-counts")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream()
                .filter((windowed, count) -> count != null)
                .map((windowed, count) -> {
                    String[] parts = windowed.key().split("\\|", 3);
                    return KeyValue.pair(parts[0] + "|" + parts[1],
                            new TermCount(parts[0], parts[1], parts[2], windowed.window().start(), count));
                })
                .repartition(Repartitioned.<String, TermCount>as("trend-boards").withKeySerde(Serdes.String()).withValueSerde(termCounts));
        DeadLetterScope.of(counts, "trend-boards")
                .groupByKey(Grouped.with(Serdes.String(), termCounts))
                .aggregate(TrendBoard::empty,
                        (board, c, current) -> current.with(c.sector(), c.region(), c.term(), c.windowStart(), c.count(),
                                momentum.keepFrom(Math.max(c.windowStart(), current.latestWindow()))),
                        Materialized.<String, TrendBoard, KeyValueStore<Bytes, byte[]>>as("trend-board-updates")
                                .withKeySerde(Serdes.String()).withValueSerde(boards))
                .toStream()
                .processValues(() -> new SerializeWithinLimit<>(new Topic<>(boardsTopic, TrendBoard.class, null)))
                .to(boardsTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));

        builder.globalTable(boardsTopic, Consumed.with(Serdes.String(), boards),
                Materialized.<String, TrendBoard, KeyValueStore<Bytes, byte[]>>as(BOARD_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(boards));
        return builder.build();
    }

    /** A lead is counted under its id; one without can never be told apart from the next. */
    private static String problem(ScoredLead lead) {
        return RequiredFields.id("leadId", lead.leadId());
    }

    /** Passes a lead on the first time it is scored, so re-scoring does not count it again. */
    static final class FirstSighting implements Processor<String, ScoredLead, String, ScoredLead> {

        private ProcessorContext<String, ScoredLead> context;
        private KeyValueStore<String, Long> seen;

        @Override
        public void init(ProcessorContext<String, ScoredLead> context) {
            this.context = context;
            this.seen = context.getStateStore(SEEN_STORE);
        }

        @Override
        public void process(Record<String, ScoredLead> record) {
            ScoredLead lead = record.value();
            if (seen.get(lead.leadId()) != null) {
                return;
            }
            seen.put(lead.leadId(), record.timestamp());
            context.forward(record.withKey(lead.leadId()).withValue(lead));
        }
    }
}
