package dev.leadstream.enrichment.lookalike;

import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.Engagement;
import dev.leadstream.topics.event.ScoredLead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which leads that engaged (opened, clicked, replied) a lead resembles. Every lead's profile vector
 * is stored with a payload saying who it is and whether it engaged; a lead's lookalikes are its
 * nearest engaged neighbours, each with its similarity and the reasons a reviewer can check.
 */
public final class Lookalikes {

    static final String NAME = "name";
    static final String SECTOR = "sector";
    static final String CITY = "city";
    static final String CATEGORIES = "categories";
    static final String TECHNOLOGY = "technology";
    static final String ENGAGED = "engaged";
    static final String OUTCOME = "outcome";
    static final String ENGAGED_AT = "engagedAt";
    /** The event that set the outcome: its redelivery after a crash re-publishes, a repeat does not. */
    static final String ENGAGED_BY = "engagedBy";
    static final String LEAD = "lead";
    /** Engaged before the lead itself was embedded: see {@link #markEngaged}. */
    static final String PENDING = "pending";

    /** Stronger outcomes replace weaker ones; the rest (sent, bounced, ...) are not engagement. */
    private static final List<String> OUTCOMES = List.of(Engagement.OPENED, Engagement.CLICKED, Engagement.REPLIED);

    private final VectorStore store;
    private final double minSimilarity;
    private final int neighbours;

    public Lookalikes(VectorStore store, double minSimilarity, int neighbours) {
        this.store = store;
        this.minSimilarity = minSimilarity;
        this.neighbours = neighbours;
    }

    public static boolean isEngagement(String type) {
        return OUTCOMES.contains(type);
    }

    /** The entry to store for a lead; what is known of its engagement is kept across re-scoring. */
    public VectorStore.Entry entry(ScoredLead lead, List<Signal> signals, float[] vector) {
        Map<String, String> payload = new LinkedHashMap<>();
        put(payload, NAME, lead.name());
        put(payload, SECTOR, lead.sector());
        put(payload, CITY, lead.location() == null || lead.location().city() == null ? null
                : lead.location().city().toLowerCase(Locale.ROOT));
        put(payload, CATEGORIES, String.join(",", lead.categories()).toLowerCase(Locale.ROOT));
        put(payload, TECHNOLOGY, String.join(",", ProfileText.technology(signals)));
        payload.put(LEAD, EventJson.toJson(lead));
        payload.put(ENGAGED, "false");
        store.get(lead.leadId()).ifPresent(previous -> {
            for (String key : List.of(ENGAGED, OUTCOME, ENGAGED_AT, ENGAGED_BY)) {
                put(payload, key, previous.payload().get(key));
            }
            if (PENDING.equals(previous.payload().get(ENGAGED))) {
                payload.put(ENGAGED, "true");
            }
        });
        return new VectorStore.Entry(lead.leadId(), vector, payload);
    }

    /**
     * Marks the lead as engaged with the stronger of its outcomes so far. Empty, and nothing
     * changes, when a lead that engaged engages again no more strongly (a second open), so a
     * stream of opens does not re-enrich its neighbours each time. An engagement can come
     * before its lead was embedded (a rebuild reads both topics at once): it is then kept as a
     * pending entry, left out of every search, and the lead takes it over when it is embedded.
     * Empty when the lead is only pending.
     */
    public Optional<VectorStore.Entry> markEngaged(Engagement engagement) {
        Optional<VectorStore.Entry> stored = store.get(engagement.leadId());
        Map<String, String> payload = new LinkedHashMap<>(stored.map(VectorStore.Entry::payload).orElse(Map.of()));
        String previous = payload.get(OUTCOME);
        boolean stronger = previous == null || OUTCOMES.indexOf(engagement.type()) > OUTCOMES.indexOf(previous);
        boolean redelivered = engagement.eventId() != null && engagement.eventId().equals(payload.get(ENGAGED_BY));
        if ("true".equals(payload.get(ENGAGED)) && !stronger && !redelivered) {
            return Optional.empty(); // another open of a lead that opened changes nothing anyone sees
        }
        if (stronger) {
            payload.put(OUTCOME, engagement.type());
            payload.put(ENGAGED_AT, String.valueOf(engagement.at()));
            put(payload, ENGAGED_BY, engagement.eventId());
        }
        boolean embedded = stored.isPresent() && !PENDING.equals(stored.get().payload().get(ENGAGED));
        payload.put(ENGAGED, embedded ? "true" : PENDING);
        VectorStore.Entry engaged = new VectorStore.Entry(engagement.leadId(),
                stored.map(VectorStore.Entry::vector).orElseGet(Lookalikes::placeholder), payload);
        store.upsert(List.of(engaged));
        return embedded ? Optional.of(engaged) : Optional.empty();
    }

    /** Any valid unit vector: a pending entry is never searched for or among. */
    private static float[] placeholder() {
        float[] vector = new float[Embedder.DIMENSION];
        vector[0] = 1;
        return vector;
    }

    /**
     * The leads that have not engaged nearest to {@code engaged}: whose lookalike score may just have
     * changed, whether or not they are close enough to name it as a lookalike.
     */
    public List<VectorStore.Hit> resembling(VectorStore.Entry engaged, int limit) {
        return store.nearest(engaged.vector(), limit, Map.of(ENGAGED, "false"), engaged.id());
    }

    public List<Signal> of(VectorStore.Entry lead) {
        List<VectorStore.Hit> engaged = store.nearest(lead.vector(), neighbours, Map.of(ENGAGED, "true"), lead.id());
        List<Signal> signals = new ArrayList<>();
        List<VectorStore.Hit> alike = engaged.stream().filter(hit -> hit.similarity() >= minSimilarity).toList();
        for (VectorStore.Hit hit : alike) {
            signals.add(new Signal("lookalike", "similar_to", hit.id(), String.format(Locale.ROOT,
                    "similarity %.2f to %s, which %s on %s; %s", hit.similarity(), hit.payload().getOrDefault(NAME, hit.id()),
                    hit.payload().get(OUTCOME), day(hit.payload().get(ENGAGED_AT)), reasons(lead.payload(), hit.payload()))));
        }
        signals.add(score(engaged, alike));
        if ("true".equals(lead.payload().get(ENGAGED))) {
            signals.add(new Signal("lookalike", "engaged", lead.payload().get(OUTCOME), String.format(Locale.ROOT,
                    "this lead %s on %s: the leads most like it name it as their lookalike", lead.payload().get(OUTCOME),
                    day(lead.payload().get(ENGAGED_AT)))));
        }
        return signals;
    }

    private Signal score(List<VectorStore.Hit> engaged, List<VectorStore.Hit> alike) {
        if (engaged.isEmpty()) {
            return new Signal("lookalike", "score", "0", "no other lead has engaged yet, so there is nothing to resemble");
        }
        VectorStore.Hit best = engaged.getFirst();
        int score = (int) Math.round(Math.max(0, best.similarity()) * 100);
        String evidence = alike.isEmpty()
                ? String.format(Locale.ROOT, "the nearest lead that engaged, %s, is only %.2f similar (lookalikes start at %.2f)",
                best.id(), best.similarity(), minSimilarity)
                : String.format(Locale.ROOT, "nearest lead that engaged: %s (%s), similarity %.2f",
                best.id(), best.payload().get(OUTCOME), best.similarity());
        return new Signal("lookalike", "score", Integer.toString(score), evidence);
    }

    /** What the two leads visibly share, so a reviewer can see why they are alike. */
    static String reasons(Map<String, String> lead, Map<String, String> other) {
        List<String> shared = new ArrayList<>();
        same(lead, other, SECTOR).ifPresent(v -> shared.add("same sector (" + v + ")"));
        same(lead, other, CITY).ifPresent(v -> shared.add("same city (" + v + ")"));
        List<String> categories = common(lead.get(CATEGORIES), other.get(CATEGORIES));
        if (!categories.isEmpty()) {
            shared.add("both " + String.join(", ", categories));
        }
        List<String> technology = common(lead.get(TECHNOLOGY), other.get(TECHNOLOGY));
        if (!technology.isEmpty()) {
            shared.add("both use " + String.join(", ", technology));
        }
        return shared.isEmpty() ? "alike in how they describe themselves" : String.join("; ", shared);
    }

    private static Optional<String> same(Map<String, String> a, Map<String, String> b, String key) {
        String value = a.get(key);
        return value != null && !value.isBlank() && value.equals(b.get(key)) ? Optional.of(value) : Optional.empty();
    }

    private static List<String> common(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return List.of();
        }
        List<String> other = Arrays.asList(b.split(","));
        return Arrays.stream(a.split(",")).filter(other::contains).distinct().toList();
    }

    private static String day(String instant) {
        return instant == null || instant.length() < 10 ? "an unknown day" : instant.substring(0, 10);
    }

    private static void put(Map<String, String> payload, String key, String value) {
        if (value != null && !value.isBlank()) {
            payload.put(key, value);
        }
    }
}
