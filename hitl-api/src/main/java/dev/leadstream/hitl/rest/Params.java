package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;

/**
 * Query parameters read as text and parsed here, so a wrong one is a 400 that names it (JAX-RS
 * would answer a failed conversion with 404).
 */
public final class Params {

    private Params() {
    }

    public static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same sentence as an out-of-range number
        }
        throw ApiProblem.badRequest(name + " must be a whole number between " + min + " and " + max + ", was " + TextRules.shown(value));
    }
}
