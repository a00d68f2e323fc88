package dev.leadstream.scoring.streams;

import dev.leadstream.scoring.model.DuplicateIndex.Links;
import dev.leadstream.scoring.model.DuplicateIndex.Profile;
import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.model.MergedLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scores each profile with its segment's model, read from the scoring-model GlobalKTable. Once a
 * second it compares the models' versions with the ones it last applied; for a segment whose
 * model changed it re-scores and re-emits every lead of that segment this task holds (from the
 * merged-leads and lead-links stores), so scored-leads shows what was learned.
 */
final class ScoreProcessor implements Processor<String, Profile, String, ScoredLead> {

    private static final Duration MODEL_CHECK = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(ScoreProcessor.class);

    private final LeadScorer scorer;
    private ProcessorContext<String, ScoredLead> context;
    private KeyValueStore<String, ValueAndTimestamp<MergedLead>> merged;
    private KeyValueStore<String, ValueAndTimestamp<Links>> links;
    private KeyValueStore<String, String> appliedModels;
    private KeyValueStore<String, ValueAndTimestamp<ScoringModel>> models;

    ScoreProcessor(LeadScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void init(ProcessorContext<String, ScoredLead> context) {
        this.context = context;
        this.merged = context.getStateStore(ScoringTopology.MERGED_STORE);
        this.links = context.getStateStore(ScoringTopology.LINKS_STORE);
        this.appliedModels = context.getStateStore(ScoringTopology.APPLIED_MODELS_STORE);
        this.models = context.getStateStore(ScoringTopology.MODELS_STORE);
        context.schedule(MODEL_CHECK, PunctuationType.WALL_CLOCK_TIME, this::rescoreWhereModelsChanged);
    }

    @Override
    public void process(Record<String, Profile> record) {
        if (record.value() == null) {
            return;
        }
        context.forward(record.withValue(score(record.value())));
    }

    private ScoredLead score(Profile profile) {
        LeadScorer.Assessment assessment = scorer.assess(profile.lead());
        return scorer.score(assessment, profile.duplicates(), model(assessment.segment()));
    }

    private ScoringModel model(String segment) {
        ValueAndTimestamp<ScoringModel> model = models.get(segment);
        return model == null ? null : model.value();
    }

    private void rescoreWhereModelsChanged(long now) {
        Map<String, String> changed = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<ScoringModel>> all = models.all()) {
            all.forEachRemaining(kv -> {
                String version = kv.value == null || kv.value.value() == null ? null : kv.value.value().version();
                if (version != null && !Objects.equals(version, appliedModels.get(kv.key))) {
                    changed.put(kv.key, version);
                }
            });
        }
        if (changed.isEmpty()) {
            return;
        }
        try (KeyValueIterator<String, ValueAndTimestamp<MergedLead>> all = merged.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<MergedLead>> kv = all.next();
                try {
                    rescore(kv, changed, now);
                } catch (RuntimeException e) {
                    // one lead the scorer fails on must not keep the rest of its segment on the old model
                    LOG.errorf(e, "could not re-score lead %s with the new model", kv.key);
                }
            }
        }
        changed.forEach(appliedModels::put);
    }

    private void rescore(KeyValue<String, ValueAndTimestamp<MergedLead>> kv, Map<String, String> changed, long now) {
        LeadScorer.Assessment assessment = scorer.assess(kv.value.value());
        if (changed.containsKey(assessment.segment())) {
            ValueAndTimestamp<Links> leadLinks = links.get(kv.key);
            Profile profile = new Profile(kv.value.value(), leadLinks == null ? null : leadLinks.value());
            ScoredLead rescored = scorer.score(assessment, profile.duplicates(), model(assessment.segment()));
            context.forward(new Record<>(kv.key, rescored, now));
        }
    }
}
