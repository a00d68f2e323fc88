package dev.leadstream.hitl.model;

import java.util.List;

/** A campaign as the list shows it: its current version's headline. */
public record CampaignSummary(String campaignId, int version, String status, String name, String product,
                              List<String> channels, List<String> languages, String updatedBy, String updatedAt) {
}
