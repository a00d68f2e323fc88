package dev.leadstream.hitl.model;

import java.util.List;

/** One version of a campaign's history: who made it, when, and what it changed. */
public record CampaignVersion(int version, String status, String editedBy, String editedAt, List<CampaignChange> changes) {
}
