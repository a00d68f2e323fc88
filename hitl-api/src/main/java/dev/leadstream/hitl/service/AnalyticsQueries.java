package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.AgentHealth;
import dev.leadstream.hitl.model.EngagementGroup;
import dev.leadstream.hitl.repository.AnalyticsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Delivery and engagement, the funnel, and what each agent processed, counted in the read model. */
@ApplicationScoped
public class AnalyticsQueries {

    /** What engagement can be grouped by: channel, segment, variant, day. */
    public static final List<String> DIMENSIONS = List.copyOf(AnalyticsRepository.DIMENSIONS.keySet());

    private final Mutiny.SessionFactory sessions;
    private final AnalyticsRepository analytics;

    public AnalyticsQueries(Mutiny.SessionFactory sessions, AnalyticsRepository analytics) {
        this.sessions = sessions;
        this.analytics = analytics;
    }

    /** Signals per group of {@code dimensions} (some of {@link #DIMENSIONS}) in [from, to). */
    public Uni<List<EngagementGroup>> engagement(List<String> dimensions, Instant from, Instant to) {
        return sessions.withSession(session -> analytics.engagement(session, dimensions, from, to));
    }

    /** Distinct leads that reached each stage, from discovered to replied. */
    public Uni<Map<String, Long>> funnel() {
        return sessions.withSession(analytics::funnel);
    }

    /** Per agent that left a trace: what it processed against its dead letters, all and since {@code recentFrom}. */
    public Uni<List<AgentHealth>> agents(Instant recentFrom) {
        return sessions.withSession(session -> analytics.agents(session, recentFrom));
    }
}
