package dev.leadstream.enrichment.trends;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * For one sector × region: how many new leads mentioned each term in each hopping window, by the
 * window's start (epoch ms). Only the windows momentum looks at are kept, and a bounded number of
 * terms, the least recently seen going first.
 */
public record TrendBoard(String sector, String region, Map<String, TreeMap<Long, Long>> counts) {

    static final int MAX_TERMS = 400;

    public TrendBoard {
        counts = counts == null ? new LinkedHashMap<>() : counts;
    }

    public static TrendBoard empty() {
        return new TrendBoard(null, null, new LinkedHashMap<>());
    }

    /** The board with one window's count for a term set, windows older than {@code keepFrom} dropped. */
    public TrendBoard with(String sector, String region, String term, long windowStart, long count, long keepFrom) {
        Map<String, TreeMap<Long, Long>> next = new LinkedHashMap<>();
        counts.forEach((t, windows) -> {
            TreeMap<Long, Long> kept = new TreeMap<>(windows.tailMap(keepFrom, true));
            if (!kept.isEmpty()) {
                next.put(t, kept);
            }
        });
        next.computeIfAbsent(term, t -> new TreeMap<>()).put(windowStart, count);
        while (next.size() > MAX_TERMS) {
            String stalest = next.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().lastKey())).orElseThrow().getKey();
            next.remove(stalest);
        }
        return new TrendBoard(sector, region, next);
    }

    /** The start of the newest window any term was counted in: the board's "now". */
    public long latestWindow() {
        return counts.values().stream().mapToLong(TreeMap::lastKey).max().orElse(Long.MIN_VALUE);
    }
}
