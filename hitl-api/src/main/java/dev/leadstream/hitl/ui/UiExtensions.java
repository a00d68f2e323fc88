package dev.leadstream.hitl.ui;

import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/** Formatting the templates need. */
@TemplateExtension
public class UiExtensions {

    private UiExtensions() {
    }

    /** {@code 12.3}: scores and points to one decimal. */
    static String rounded(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code 41.7%}: a rate from 0 to 1 (the API's maps hold it as a plain object). */
    static String percent(Object rate) {
        return rate instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "";
    }

    /** How far {@code value} is towards {@code whole}, in percent, at most 100. */
    static int percentOf(int value, int whole) {
        return whole <= 0 ? 0 : Math.min(100, (int) Math.round(100.0 * value / whole));
    }
}
