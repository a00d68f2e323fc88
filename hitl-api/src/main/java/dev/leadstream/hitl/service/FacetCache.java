package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.LeadFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facet counts that were slow to count (a broad filter over a large table) are reused for a few
 * seconds, so a busy review team does not recount a million rows on every page; counts that were
 * quick are always fresh.
 */
@ApplicationScoped
public class FacetCache {

    static final long SLOW_NANOS = Duration.ofMillis(200).toNanos();
    static final long KEEP_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int MAX_ENTRIES = 256;

    private record Entry(Map<String, Map<String, Long>> facets, long expiresAt) {
    }

    private final Map<LeadFilter, Entry> entries = new ConcurrentHashMap<>();

    public Uni<Map<String, Map<String, Long>>> get(LeadFilter filter, Supplier<Uni<Map<String, Map<String, Long>>>> count) {
        Entry cached = entries.get(filter);
        long now = System.nanoTime();
        if (cached != null && now < cached.expiresAt()) {
            return Uni.createFrom().item(cached.facets());
        }
        return count.get().invoke(facets -> {
            long took = System.nanoTime() - now;
            if (took > SLOW_NANOS) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(filter, new Entry(facets, System.nanoTime() + KEEP_NANOS));
            }
        });
    }
}
