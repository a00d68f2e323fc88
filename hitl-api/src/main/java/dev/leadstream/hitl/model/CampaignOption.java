package dev.leadstream.hitl.model;

/** A campaign a reviewer can select leads into, as a form offers it. */
public record CampaignOption(String campaignId, String name, int version) {
}
