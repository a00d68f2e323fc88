package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.rest.AnalyticsResource;
import dev.leadstream.hitl.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Analytics dashboard: the funnel, engagement by day, channel, segment and variant, and agent health. */
@Path("/ui/analytics")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class AnalyticsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance analytics(Ui.Me me, Ui.Flash flash, BarChart funnel, BarChart sentByDay,
                                                 BarChart repliedByDay, List<AnalyticsResource.EngagementRow> byChannel,
                                                 List<AnalyticsResource.EngagementRow> bySegment,
                                                 List<AnalyticsResource.EngagementRow> byVariant,
                                                 List<Map<String, Object>> agents);
    }

    private final AnalyticsResource analytics;
    private final SecurityIdentity identity;

    public AnalyticsPage(AnalyticsResource analytics, SecurityIdentity identity) {
        this.analytics = analytics;
        this.identity = identity;
    }

    /** The last 30 days; the queries run one after the other because they share the request's session. */
    @GET
    public Uni<TemplateInstance> dashboard() {
        return analytics.funnel().flatMap(funnel -> analytics.engagement("day", null, null).flatMap(days ->
                analytics.engagement("channel", null, null).flatMap(channels ->
                        analytics.engagement("segment", null, null).flatMap(segments ->
                                analytics.engagement("variant", null, null).flatMap(variants ->
                                        analytics.agents().map(agents -> Templates.analytics(Ui.Me.of(identity),
                                                new Ui.Flash(null, null), BarChart.horizontal(funnel),
                                                BarChart.columns(perDay(days, "sent")), BarChart.columns(perDay(days, "replied")),
                                                channels, segments, variants, agents)))))));
    }

    private static Map<String, Long> perDay(List<AnalyticsResource.EngagementRow> days, String signal) {
        Map<String, Long> series = new LinkedHashMap<>();
        days.forEach(d -> series.put(d.group().get("day").substring(5), d.counts().get(signal)));
        return series;
    }
}
