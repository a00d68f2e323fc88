package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.rest.AuditResource;
import dev.leadstream.hitl.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** The Audit view: every agent action and reviewer decision, newest first, filtered by lead, actor, type and time. */
@Path("/ui/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class AuditPage {

    private static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Ui.Me me, Ui.Flash flash, AuditResource.AuditPage page, TableQuery query);
    }

    private final AuditResource audit;
    private final SecurityIdentity identity;

    public AuditPage(AuditResource audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> trail(@QueryParam("leadId") String leadId, @QueryParam("actor") String actor,
                                       @QueryParam("type") String type, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("after") String after, @Context UriInfo uri) {
        TableQuery query = new TableQuery(uri.getQueryParameters());
        Ui.Me me = Ui.Me.of(identity);
        return Uni.createFrom().deferred(() -> audit.list(leadId, actor, type, from, to, after, String.valueOf(PAGE_SIZE)))
                .map(page -> Templates.audit(me, new Ui.Flash(null, null), page, query))
                .onFailure().recoverWithItem(failure -> Templates.audit(me, new Ui.Flash(null, Ui.message(failure)),
                        new AuditResource.AuditPage(List.of(), null), query));
    }
}
