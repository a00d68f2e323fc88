package dev.leadstream.enrichment.trends;

import dev.leadstream.topics.event.EnrichedLead.Signal;
import dev.leadstream.topics.event.ScoredLead;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rising and falling topics of a lead's sector and region, as signals a reviewer can check:
 * each names its count in the newest window, its baseline and its significance score. A board
 * where nothing moved significantly says so, with how many leads it counted.
 */
public final class TrendSignals {

    private static final int SHOWN = 3;

    private static final Logger LOG = Logger.getLogger(TrendSignals.class);

    private final Function<String, Optional<TrendBoard>> boards;
    private final Momentum momentum;
    private final Optional<ExternalInterest> external;

    public TrendSignals(Function<String, Optional<TrendBoard>> boards, Momentum momentum) {
        this(boards, momentum, Optional.empty());
    }

    public TrendSignals(Function<String, Optional<TrendBoard>> boards, Momentum momentum, Optional<ExternalInterest> external) {
        this.boards = boards;
        this.momentum = momentum;
        this.external = external;
    }

    public List<Signal> of(ScoredLead lead) {
        List<Signal> signals = new ArrayList<>(fromTheStream(lead));
        if (external.isPresent() && lead.sector() != null) {
            try {
                external.get().of(lead.sector()).ifPresent(r -> signals.add(new Signal("trend", "external_interest",
                        String.format(Locale.ROOT, "%s %+.0f%%", r.topic(), 100 * r.change()), r.evidence())));
            } catch (RuntimeException e) {
                // outside interest is a bonus: the lead is enriched without it
                LOG.warnf("external interest for sector %s is unavailable: %s", lead.sector(), e.getMessage());
            }
        }
        return signals;
    }

    private List<Signal> fromTheStream(ScoredLead lead) {
        String where = TrendTerms.sector(lead) + " × " + TrendTerms.region(lead);
        Optional<TrendBoard> board = boards.apply(TrendTerms.boardKey(lead));
        if (board.isEmpty() || board.get().counts().isEmpty()) {
            return List.of(new Signal("trend", "steady", where, "no new leads counted yet in " + where));
        }
        Momentum.Moves moves = momentum.of(board.get());
        String window = "the window from " + Instant.ofEpochMilli(moves.windowStart());
        List<Signal> signals = new ArrayList<>();
        moves.rising().stream().limit(SHOWN).forEach(m -> signals.add(new Signal("trend", "rising", label(m.term()),
                evidence(m, where, window))));
        moves.falling().stream().limit(SHOWN).forEach(m -> signals.add(new Signal("trend", "falling", label(m.term()),
                evidence(m, where, window))));
        if (signals.isEmpty()) {
            signals.add(new Signal("trend", "steady", where, String.format(Locale.ROOT,
                    "%d new leads in %s in %s; no term moved significantly against the %d windows before it",
                    moves.leadsNow(), where, window, momentum.baselineWindows())));
        }
        return signals;
    }

    private String evidence(Momentum.Move m, String where, String window) {
        return String.format(Locale.ROOT, "%d new leads in %s mention it in %s, against %.1f per window over the %d before; score %.1f",
                m.count(), where, window, m.baseline(), momentum.baselineWindows(), m.score());
    }

    private static String label(String term) {
        return term.startsWith(TrendTerms.CATEGORY) ? term.substring(TrendTerms.CATEGORY.length()) + " (category)" : term;
    }
}
