package dev.leadstream.enrichment;

import dev.leadstream.enrichment.lookalike.Embedder;
import dev.leadstream.enrichment.lookalike.Lookalikes;
import dev.leadstream.enrichment.lookalike.ProfileText;
import dev.leadstream.enrichment.lookalike.VectorStore;
import dev.leadstream.enrichment.signals.LeadSignals;
import dev.leadstream.enrichment.trends.TrendSignals;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enriches scored leads a batch at a time: signals from what the lead carries, trends of its
 * sector and region, and lookalikes among the leads that engaged. The batch is embedded in one
 * call and stored before any lookalike is looked up, so leads of one batch can find each other.
 */
public final class Enricher {

    private static final Logger LOG = Logger.getLogger(Enricher.class);

    static final String VERSION = "signals-v2+" + Embedder.MODEL;

    private final LeadSignals leadSignals;
    private final TrendSignals trends;
    private final Embedder embedder;
    private final VectorStore store;
    private final Lookalikes lookalikes;
    private final int reEnrichLimit;

    public Enricher(LeadSignals leadSignals, TrendSignals trends, Embedder embedder, VectorStore store, Lookalikes lookalikes,
                    int reEnrichLimit) {
        this.leadSignals = leadSignals;
        this.trends = trends;
        this.embedder = embedder;
        this.store = store;
        this.lookalikes = lookalikes;
        this.reEnrichLimit = reEnrichLimit;
    }

    public List<EnrichedLead> enrich(List<ScoredLead> leads) {
        List<Indexed> indexed = store(leads);
        List<EnrichedLead> enriched = new ArrayList<>();
        for (Indexed lead : indexed) {
            enriched.add(enriched(lead.lead(), lead.own(), lead.entry()));
        }
        return enriched;
    }

    /** Embeds and stores the leads without enriching them: what restoring the index from the topics does. */
    public void index(List<ScoredLead> leads) {
        store(leads);
    }

    private record Indexed(ScoredLead lead, List<Signal> own, VectorStore.Entry entry) {
    }

    private List<Indexed> store(List<ScoredLead> leads) {
        List<List<Signal>> own = leads.stream().map(leadSignals::of).toList();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            texts.add(ProfileText.of(leads.get(i), own.get(i)));
        }
        List<float[]> vectors = embedder.embed(texts);
        List<Indexed> indexed = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            indexed.add(new Indexed(leads.get(i), own.get(i), lookalikes.entry(leads.get(i), own.get(i), vectors.get(i))));
        }
        store.upsert(indexed.stream().map(Indexed::entry).toList());
        store.flush();
        return indexed;
    }

    /**
     * Records that a lead engaged, and enriches again that lead (which now says so) and the leads
     * nearest to it, whose lookalikes just changed. Nothing when the engagement is not one (sent,
     * bounced), changes nothing, or names a lead not embedded yet.
     */
    public List<EnrichedLead> engaged(Engagement engagement) {
        Optional<VectorStore.Entry> engaged = record(engagement);
        store.flush();
        if (engaged.isEmpty()) {
            return List.of();
        }
        List<EnrichedLead> again = new ArrayList<>();
        again.add(enrichedAgain(engaged.get()));
        for (VectorStore.Hit hit : lookalikes.resembling(engaged.get(), reEnrichLimit)) {
            again.add(enrichedAgain(store.get(hit.id()).orElseThrow()));
        }
        return again;
    }

    private EnrichedLead enrichedAgain(VectorStore.Entry entry) {
        ScoredLead lead = EventJson.read(entry.payload().get("lead"), ScoredLead.class);
        return enriched(lead, leadSignals.of(lead), entry);
    }

    /**
     * Records that a lead engaged, without flushing the store; the lead's entry when it is embedded
     * and this was an engagement.
     */
    public Optional<VectorStore.Entry> record(Engagement engagement) {
        return Lookalikes.isEngagement(engagement.type()) ? lookalikes.markEngaged(engagement) : Optional.empty();
    }

    /**
     * A trend board that cannot be read (its Streams app is restarting or has stopped) costs only
     * the trend signals, not the lead: the lead is enriched without them.
     */
    private List<Signal> trendsOf(ScoredLead lead) {
        try {
            return trends.of(lead);
        } catch (RuntimeException e) {
            LOG.warnf("trends unavailable, lead enriched without them (%s)", e.getClass().getSimpleName());
            return List.of();
        }
    }

    private EnrichedLead enriched(ScoredLead lead, List<Signal> own, VectorStore.Entry entry) {
        List<Signal> signals = new ArrayList<>(own);
        signals.addAll(trendsOf(lead));
        signals.addAll(lookalikes.of(entry));
        return new EnrichedLead(lead.leadId(), lead, signals, Provenance.of("enrichment-agent", "0.1.0", VERSION));
    }
}
