package dev.leadstream.hitl.repository;

/** Filters and position of one page of the lead table. */
public record LeadQuery(String tier, String status, Integer afterScore, String afterId, int limit) {
}
