package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.model.CampaignOption;
import dev.leadstream.hitl.model.GenerationRow;
import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.rest.DraftResource;
import dev.leadstream.hitl.rest.LeadResource;
import dev.leadstream.hitl.rest.LeadTableParams;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.DecisionService;
import dev.leadstream.hitl.service.SelectionCampaign;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** The Lead Review page: the filtered, sorted table with facets and bulk actions, and one lead in full. */
@Path("/ui/leads")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class LeadPages {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance leads(Ui.Me me, Ui.Flash flash, List<LeadRow> rows, String next,
                                             LeadResource.Facets facets, TableQuery query, String idempotencyKey,
                                             List<CampaignOption> campaigns);

        static native TemplateInstance lead(Ui.Me me, Ui.Flash flash, LeadRow row,
                                            List<GenerationRow> generations, String idempotencyKey, String reopenKey,
                                            List<CampaignOption> campaigns);
    }

    private static final String GENERATIONS_SHOWN = "50";

    private final LeadResource leads;
    private final DraftResource drafts;
    private final DecisionService decisions;
    private final SelectionCampaign campaigns;
    private final SecurityIdentity identity;

    public LeadPages(LeadResource leads, DraftResource drafts, DecisionService decisions, SelectionCampaign campaigns,
                     SecurityIdentity identity) {
        this.leads = leads;
        this.drafts = drafts;
        this.decisions = decisions;
        this.campaigns = campaigns;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> table(@BeanParam LeadTableParams params, @QueryParam("after") String after,
                                       @QueryParam("notice") String notice, @QueryParam("error") String error,
                                       @Context UriInfo uri) {
        TableQuery query = new TableQuery(uri.getQueryParameters());
        Ui.Me me = Ui.Me.of(identity);
        // the page, its facets and the campaigns one after the other: they share the request's database session
        return Uni.createFrom().deferred(() -> leads.list(params, after, String.valueOf(PAGE_SIZE)))
                .flatMap(page -> leads.facets(params).flatMap(facets -> campaigns.offered().map(offered ->
                        Templates.leads(me, new Ui.Flash(notice, error), page.items(), page.next(), facets, query,
                                Ui.idempotencyKey(), offered))))
                .onFailure().recoverWithItem(failure -> Templates.leads(me, new Ui.Flash(notice, Ui.message(failure)),
                        List.of(), null, new LeadResource.Facets(0, Map.of()), query, Ui.idempotencyKey(), List.of()));
    }

    /** Every lead under the table's filter as CSV, as the API's export gives it. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"leads.csv\"")
    public Multi<String> export(@BeanParam LeadTableParams params) {
        return leads.export(params);
    }

    @GET
    @Path("/{leadId}")
    public Uni<TemplateInstance> lead(@PathParam("leadId") String leadId, @QueryParam("notice") String notice,
                                      @QueryParam("error") String error) {
        return leads.get(leadId).flatMap(row -> drafts.list(null, leadId, null, GENERATIONS_SHOWN).flatMap(generations ->
                campaigns.offered().map(offered -> Templates.lead(Ui.Me.of(identity), new Ui.Flash(notice, error), row, generations,
                        Ui.idempotencyKey(), Ui.idempotencyKey(), offered))));
    }

    /** An admin puts a decided lead back to new, saying why. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{leadId}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reopen(@PathParam("leadId") String leadId, @RestForm String comment, @RestForm String idempotencyKey,
                                @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        String page = "/ui/leads/" + Ui.segment(leadId);
        if (comment == null || comment.isBlank()) {
            return Ui.refuse(page, "say why the lead is reopened");
        }
        String invalid = TextRules.invalid(comment);
        if (invalid != null || comment.length() > LeadResource.MAX_COMMENT) {
            return Ui.refuse(page, invalid != null ? "the comment " + invalid : "say why in at most " + LeadResource.MAX_COMMENT + " characters");
        }
        return decisions.reopenLead(leadId, comment.trim(), identity.getPrincipal().getName(), idempotencyKey)
                .map(d -> Ui.notice(page, "Reopened: the lead can be decided again"))
                .onFailure().recoverWithItem(failure -> Ui.error(page, failure));
    }

    /**
     * Selects the ticked leads into the chosen campaign or rejects them (a rejection needs a
     * comment), then goes back to the page the reviewer was on, saying what was decided and what
     * was skipped.
     */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@RestForm("leadId") List<String> leadIds, @RestForm String action,
                                @RestForm String comment, @RestForm String campaignId, @RestForm String idempotencyKey,
                                @RestForm String back, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        String returnTo = Ui.back(back, "/ui/leads");
        if (leadIds == null || leadIds.isEmpty()) {
            return Ui.refuse(returnTo, "tick at least one lead first");
        }
        boolean reject = "reject".equals(action);
        if (!reject && !"select".equals(action)) {
            return Ui.refuse(returnTo, "action must be select or reject, was " + action);
        }
        if (reject && (comment == null || comment.isBlank())) {
            return Ui.refuse(returnTo, "say why the leads are rejected in the comment");
        }
        String campaign;
        try {
            LeadResource.checkBulk(new LeadResource.BulkDecision(leadIds, Ui.blankToNull(comment)), reject);
            campaign = LeadResource.campaignId(campaignId);
        } catch (WebApplicationException | ApiProblem e) {
            return Ui.refuse(returnTo, e.getMessage());
        }
        String reviewer = identity.getPrincipal().getName();
        Uni<DecisionService.BulkOutcome> outcome = reject
                ? decisions.rejectLeads(leadIds, reviewer, comment, idempotencyKey)
                : decisions.selectLeads(leadIds, campaign, reviewer, Ui.blankToNull(comment), idempotencyKey);
        return outcome.map(o -> Ui.notice(returnTo, (reject ? "Rejected " : "Selected ") + o.decided().size() + " lead"
                        + (o.decided().size() == 1 ? "" : "s") + (o.skipped().isEmpty() ? "" : "; skipped " + o.skipped().size()
                        + " (" + String.join(", ", o.skipped().values().stream().distinct().toList()) + ")")))
                .onFailure().recoverWithItem(failure -> Ui.error(returnTo, failure));
    }
}
