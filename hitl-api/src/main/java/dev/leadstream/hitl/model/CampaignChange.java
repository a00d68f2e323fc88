package dev.leadstream.hitl.model;

/** One field a version changed against the one before; {@code from} is null for an addition. */
public record CampaignChange(String field, String from, String to) {
}
