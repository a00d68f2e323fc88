package dev.leadstream.enrichment.trends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares each term's count in the newest window with its mean over a trailing baseline of
 * earlier windows that do not overlap it (a window without the term counts as zero). Significance
 * is the difference of Anscombe-transformed counts, 2(√(c+3/8) − √(λ+3/8)), roughly a z-score for
 * Poisson counts, so one or two mentions never make a trend: a term rises only with at least
 * {@code minCount} mentions now and a score of at least {@code minScore}.
 */
public class Momentum {

    /** One term's move: its count now, its baseline mean, and how significant the difference is. */
    public record Move(String term, long count, double baseline, double score, long windowStart) {
    }

    public record Moves(List<Move> rising, List<Move> falling, long windowStart, long leadsNow) {
    }

    private final long windowMs;
    private final long advanceMs;
    private final int baselineWindows;
    private final long minCount;
    private final double minScore;

    public Momentum(Duration window, Duration advance, int baselineWindows, long minCount, double minScore) {
        this.windowMs = window.toMillis();
        this.advanceMs = advance.toMillis();
        this.baselineWindows = baselineWindows;
        this.minCount = minCount;
        this.minScore = minScore;
    }

    /** The oldest window start momentum still needs, given the newest. */
    public long keepFrom(long latestWindow) {
        return latestWindow - windowMs - (baselineWindows - 1) * advanceMs;
    }

    public Moves of(TrendBoard board) {
        long now = board.latestWindow();
        long baselineEnd = now - windowMs;
        long baselineStart = keepFrom(now);
        List<Move> rising = new ArrayList<>();
        List<Move> falling = new ArrayList<>();
        long leadsNow = 0;
        for (Map.Entry<String, TreeMap<Long, Long>> term : board.counts().entrySet()) {
            long count = term.getValue().getOrDefault(now, 0L);
            double baseline = term.getValue().subMap(baselineStart, true, baselineEnd, true).values().stream()
                    .mapToLong(Long::longValue).sum() / (double) baselineWindows;
            double score = 2 * (Math.sqrt(count + 0.375) - Math.sqrt(baseline + 0.375));
            if (term.getKey().equals(TrendTerms.LEADS)) {
                leadsNow = count;
                continue;
            }
            Move move = new Move(term.getKey(), count, baseline, score, now);
            if (count >= minCount && score >= minScore) {
                rising.add(move);
            } else if (baseline >= minCount && score <= -minScore) {
                falling.add(move);
            }
        }
        rising.sort(Comparator.comparingDouble(Move::score).reversed());
        falling.sort(Comparator.comparingDouble(Move::score));
        return new Moves(rising, falling, now, leadsNow);
    }

    public int baselineWindows() {
        return baselineWindows;
    }
}
