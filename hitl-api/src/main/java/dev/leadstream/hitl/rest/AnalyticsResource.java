package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.model.AgentHealth;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.AgentLiveness;
import dev.leadstream.hitl.service.AnalyticsQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How outreach is doing: delivery and engagement with rates, the funnel, and each agent's success rate. */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class AnalyticsResource {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final AnalyticsQueries analytics;
    private final AgentLiveness liveness;

    public AnalyticsResource(AnalyticsQueries analytics, AgentLiveness liveness) {
        this.analytics = analytics;
        this.liveness = liveness;
    }

    public record EngagementRow(Map<String, String> group, Map<String, Long> counts, Map<String, Double> rates) {
    }

    /**
     * Signals by {@code groupBy} (any of channel, segment, variant, day; comma-separated; default
     * channel,segment,variant,day) between {@code from} and {@code to} (ISO-8601, default the last
     * 30 days). Delivery and bounce rates are per email sent; open, click, reply and unsubscribe
     * rates per email delivered (or sent, where no delivery was reported).
     */
    @GET
    @Path("/engagement")
    public Uni<List<EngagementRow>> engagement(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                               @QueryParam("to") String to) {
        List<String> dimensions = groupBy == null || groupBy.isBlank() ? AnalyticsQueries.DIMENSIONS
                : Arrays.stream(groupBy.split(",")).map(String::trim).filter(d -> !d.isEmpty()).distinct().toList();
        dimensions.stream().filter(d -> !AnalyticsQueries.DIMENSIONS.contains(d)).findFirst().ifPresent(d -> {
            throw new BadRequestException("groupBy takes channel, segment, variant and day, not " + d);
        });
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(DEFAULT_WINDOW));
        if (!start.isBefore(end)) {
            throw new BadRequestException("from (" + start + ") must be before to (" + end + ")");
        }
        return analytics.engagement(dimensions, start, end)
                .map(groups -> groups.stream().map(g -> new EngagementRow(g.group(), g.counts(), rates(g.counts()))).toList());
    }

    /** Distinct leads at each stage: discovered, contactable, enriched, selected, drafted, approved, sent, opened, clicked, replied. */
    @GET
    @Path("/funnel")
    public Uni<Map<String, Long>> funnel() {
        return analytics.funnel();
    }

    /**
     * Per agent: what it processed (as seen here) against its dead letters, the success rate (null
     * before there is anything to rate), and whether it runs, from its consumer group on the broker:
     * {@code status} is down (no member in its group), dead-lettering (dead letters in the recent
     * window), up, or unknown (the broker did not answer); {@code members} and {@code lag} say why.
     */
    @GET
    @Path("/agents")
    public Uni<List<Map<String, Object>>> agents() {
        Instant recentFrom = Instant.now().minus(liveness.settings().deadLetterWindow());
        // the database first, on the request's context; the broker's answer comes on a worker thread
        return analytics.agents(recentFrom).chain(rows -> liveness.groups()
                .map(groups -> {
                    Map<String, AgentHealth> byAgent = new TreeMap<>();
                    liveness.settings().agentGroups().keySet().forEach(a -> byAgent.put(a, new AgentHealth(a, 0, 0, 0)));
                    rows.forEach(r -> byAgent.put(r.agent(), r));
                    return byAgent.values().stream().map(a -> agentRow(a, groups.flatMap(g -> Optional.ofNullable(g.get(a.agent()))),
                            groups.isPresent())).toList();
                }));
    }

    private Map<String, Object> agentRow(AgentHealth a, Optional<AgentLiveness.GroupHealth> group,
                                         boolean brokerAnswered) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agent", a.agent());
        boolean watched = liveness.settings().agentGroups().containsKey(a.agent());
        row.put("status", watched || !brokerAnswered ? AgentLiveness.status(group, a.recentDeadLetters())
                : a.recentDeadLetters() > 0 ? "dead-lettering" : "not watched");
        row.put("processed", a.processed());
        row.put("deadLetters", a.deadLetters());
        row.put("recentDeadLetters", a.recentDeadLetters());
        row.put("successRate", a.successRate());
        group.ifPresent(g -> {
            row.put("consumerGroup", g.group());
            row.put("members", g.members());
            row.put("lag", g.exists() ? g.lag() : null);
        });
        return row;
    }

    private static Map<String, Double> rates(Map<String, Long> c) {
        double sent = c.get("sent");
        double delivered = c.get("delivered") > 0 ? c.get("delivered") : sent;
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("delivery", rate(c.get("delivered"), sent));
        rates.put("bounce", rate(c.get("bounced"), sent));
        rates.put("open", rate(c.get("opened"), delivered));
        rates.put("click", rate(c.get("clicked"), delivered));
        rates.put("reply", rate(c.get("replied"), delivered));
        rates.put("unsubscribe", rate(c.get("unsubscribed"), delivered));
        return rates;
    }

    private static double rate(long count, double base) {
        return base == 0 ? 0 : Math.round(1000 * count / base) / 1000.0;
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-24T09:00:00Z, was " + value);
        }
    }
}
