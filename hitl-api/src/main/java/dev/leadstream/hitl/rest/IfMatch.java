package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;

/** The version a write was made against, from {@code If-Match: 3} or {@code If-Match: "3"}. */
final class IfMatch {

    private IfMatch() {
    }

    /** The version, or null without the header; 400 when it is no version number of {@code what}. */
    static Integer version(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.trim().replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match must be the " + what + "'s version number, was " + TextRules.shown(ifMatch));
        }
    }
}
