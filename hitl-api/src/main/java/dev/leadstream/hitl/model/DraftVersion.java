package dev.leadstream.hitl.model;

import java.util.List;

/** A version of a draft a reviewer saved, and what it changed against the one before. */
public record DraftVersion(int version, String editedBy, String editedAt, List<DraftChange> changes) {
}
