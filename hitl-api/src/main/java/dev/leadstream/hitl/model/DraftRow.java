package dev.leadstream.hitl.model;

import dev.leadstream.topics.event.Draft;

/**
 * A draft as reviewers see it: its latest version, where the review stands ({@code status}:
 * pending, approved, rejected) and where the content stands ({@code generationStatus}: written,
 * regenerating, approved, rejected, sent).
 */
public record DraftRow(String status, Draft draft, String generationStatus) {

    public static final String REGENERATING = "regenerating";
}
