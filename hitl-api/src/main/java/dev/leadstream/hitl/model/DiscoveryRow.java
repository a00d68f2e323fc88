package dev.leadstream.hitl.model;

import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;

/** A discovery request as submitted, where it stands (null until the scraper reports) and how many leads it produced. */
public record DiscoveryRow(DiscoveryRequest request, DiscoveryProgress progress, long leads) {
}
