package dev.leadstream.topics.event;

import java.time.Instant;
import java.util.List;

/**
 * Where a discovery request stands: published when it starts, every few seconds while it runs,
 * and when it ends. Keyed by request id on a compacted topic, so the latest record is its status.
 */
public record DiscoveryProgress(
        String requestId,
        String state,
        int pagesFetched,
        int pagesSkippedByRobots,
        int pagesRefused,
        int pagesFailed,
        int pagesUnchanged,
        int sitesDiscovered,
        int leadsFound,
        List<String> notes,
        Instant startedAt,
        Instant updatedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    /** Ended early because a limit (pages, leads or time) was reached. */
    public static final String LIMITED = "limited";
    /** The request itself is invalid; the reason is in {@code notes} and on discovery-requests.dlq. */
    public static final String REJECTED = "rejected";

    public DiscoveryProgress {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
