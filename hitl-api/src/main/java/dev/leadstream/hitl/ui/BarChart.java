package dev.leadstream.hitl.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A bar chart laid out on the server, drawn by the template as SVG: no chart script, nothing to load. */
public record BarChart(int width, int height, List<Bar> bars) {

    private static final int LABEL_WIDTH = 120;
    private static final int PLOT = 380;
    private static final int ROW = 24;
    private static final int COLUMN = 28;
    private static final int COLUMN_PLOT = 160;

    /** One bar: where it goes, and where its label and value go. */
    public record Bar(String label, long value, int x, int y, int width, int height, int labelX, int labelY, int valueX,
                      int valueY) {
    }

    /** One row per entry, longest bar for the largest value: the funnel, the agents. */
    public static BarChart horizontal(Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int length = (int) Math.round(PLOT * (double) e.getValue() / max);
            int y = row * ROW;
            bars.add(new Bar(e.getKey(), e.getValue(), LABEL_WIDTH, y + 4, Math.max(length, 1), ROW - 8, 0, y + ROW / 2 + 4,
                    LABEL_WIDTH + length + 6, y + ROW / 2 + 4));
            row++;
        }
        return new BarChart(LABEL_WIDTH + PLOT + 60, Math.max(ROW, row * ROW), List.copyOf(bars));
    }

    /** One column per entry, in order: a day-by-day series. */
    public static BarChart columns(Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int column = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int length = (int) Math.round(COLUMN_PLOT * (double) e.getValue() / max);
            int x = column * COLUMN;
            bars.add(new Bar(e.getKey(), e.getValue(), x + 4, 16 + COLUMN_PLOT - length, COLUMN - 8, Math.max(length, 1),
                    x + 2, COLUMN_PLOT + 30, x + 4, 12 + COLUMN_PLOT - length));
            column++;
        }
        return new BarChart(Math.max(COLUMN, column * COLUMN), COLUMN_PLOT + 36, List.copyOf(bars));
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
