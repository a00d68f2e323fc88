package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.rest.AnalyticsResource;
import dev.leadstream.hitl.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
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

    private static final List<String> DIMENSIONS = List.of("day", "channel", "segment", "variant");

    /** The last 30 days; the queries run one after the other because they share the request's session. */
    @GET
    public Uni<TemplateInstance> dashboard() {
        Uni<List<List<AnalyticsResource.EngagementRow>>> engagement = Multi.createFrom().iterable(DIMENSIONS)
                .onItem().transformToUniAndConcatenate(dimension -> analytics.engagement(dimension, null, null))
                .collect().asList();
        return analytics.funnel().flatMap(funnel -> engagement.flatMap(by -> analytics.agents().map(agents ->
                Templates.analytics(Ui.Me.of(identity), new Ui.Flash(null, null), BarChart.horizontal(funnel),
                        BarChart.columns(perDay(by.get(0), "sent")), BarChart.columns(perDay(by.get(0), "replied")),
                        by.get(1), by.get(2), by.get(3), agents))));
    }

    private static Map<String, Long> perDay(List<AnalyticsResource.EngagementRow> days, String signal) {
        Map<String, Long> series = new LinkedHashMap<>();
        days.forEach(d -> series.put(d.group().get("day").substring(5), d.counts().get(signal)));
        return series;
    }
}
