package dev.leadstream.hitl.model;

import dev.leadstream.topics.event.Draft;

/** A draft as reviewers see it: its latest version and where it stands (pending, approved, rejected). */
public record DraftRow(String status, Draft draft) {
}
