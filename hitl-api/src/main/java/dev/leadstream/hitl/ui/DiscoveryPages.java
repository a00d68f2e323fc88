package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.model.DiscoveryRow;
import dev.leadstream.hitl.rest.DiscoveryResource;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.DecisionService;
import dev.leadstream.topics.DiscoveryRequestRules;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** The Discovery form, the requests made so far, and one request's live progress and leads. */
@Path("/ui/discovery")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class DiscoveryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discovery(Ui.Me me, Ui.Flash flash, List<DiscoveryRow> requests);

        static native TemplateInstance request(Ui.Me me, Ui.Flash flash, DiscoveryRow row, boolean running);
    }

    private final DiscoveryResource discoveries;
    private final DecisionService decisions;
    private final SecurityIdentity identity;

    public DiscoveryPages(DiscoveryResource discoveries, DecisionService decisions, SecurityIdentity identity) {
        this.discoveries = discoveries;
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> form(@QueryParam("notice") String notice, @QueryParam("error") String error) {
        return discoveries.recent("20").map(rows -> Templates.discovery(Ui.Me.of(identity), new Ui.Flash(notice, error), rows));
    }

    /** While the request runs the page reloads itself every few seconds. */
    @GET
    @Path("/{requestId}")
    public Uni<TemplateInstance> progress(@PathParam("requestId") String requestId) {
        return discoveries.get(requestId).map(row -> Templates.request(Ui.Me.of(identity), new Ui.Flash(null, null), row,
                row.progress() == null || DiscoveryProgress.RUNNING.equals(row.progress().state())));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submit(@RestForm String sector, @RestForm String geography, @RestForm String keywords,
                                @RestForm String seedUrls, @RestForm("source") List<String> sources,
                                @RestForm String businessList, @RestForm boolean renderJavaScript,
                                @RestForm String maxPages, @RestForm String maxDepth, @RestForm String maxLeads,
                                @RestForm String maxSeconds, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        DiscoveryRequest.Limits defaults = DiscoveryRequest.Limits.defaults();
        DiscoveryRequest request;
        try {
            request = new DiscoveryRequest(null, Ui.blankToNull(sector), Ui.blankToNull(geography), split(keywords, "[,\\n]"),
                    split(seedUrls, "\\s+"), sources, Ui.blankToNull(businessList), renderJavaScript,
                    new DiscoveryRequest.Limits(number("maxPages", maxPages, defaults.maxPages()),
                            number("maxDepth", maxDepth, defaults.maxDepth()), number("maxLeads", maxLeads, defaults.maxLeads()),
                            number("maxSeconds", maxSeconds, defaults.maxSeconds())), null, null);
        } catch (IllegalArgumentException e) {
            return Ui.refuse("/ui/discovery", e.getMessage());
        }
        List<String> problems = DiscoveryRequestRules.problems(request);
        if (!problems.isEmpty()) {
            return Ui.refuse("/ui/discovery", "Not submitted: " + String.join("; ", problems));
        }
        return decisions.submitDiscovery(request, identity.getPrincipal().getName())
                .map(r -> Response.seeOther(URI.create("/ui/discovery/" + Ui.segment(r.requestId()))).build())
                .onFailure().recoverWithItem(failure -> Ui.error("/ui/discovery", failure));
    }

    private static List<String> split(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int number(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + text);
        }
    }
}
