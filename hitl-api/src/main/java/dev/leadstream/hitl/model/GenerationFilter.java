package dev.leadstream.hitl.model;

/** Which generations to list; a null part does not narrow. */
public record GenerationFilter(String campaignId, String leadId, String status, int limit) {
}
