package dev.leadstream.hitl.model;

/** One part of a draft a reviewer's edit changed, e.g. {@code email.subject}, before and after. */
public record DraftChange(String field, String from, String to) {
}
