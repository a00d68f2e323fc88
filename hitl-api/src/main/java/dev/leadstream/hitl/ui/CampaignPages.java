package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.model.CampaignSummary;
import dev.leadstream.hitl.model.CampaignVersion;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.CampaignEdit;
import dev.leadstream.hitl.service.CampaignService;
import dev.leadstream.topics.event.Campaign;
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

import java.util.List;
import java.util.function.Function;

/**
 * Campaigns in the review UI: the list, a campaign's current version with its history, the form
 * that creates or edits one, and pause, activate and archive. A refused form is shown again with
 * what the reviewer typed and every reason it was refused.
 */
@Path("/ui/campaigns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class CampaignPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaigns(Ui.Me me, Ui.Flash flash, List<CampaignSummary> campaigns, String status);

        static native TemplateInstance campaign(Ui.Me me, Ui.Flash flash, Campaign campaign, List<CampaignVersion> versions,
                                                StatusKeys keys);

        static native TemplateInstance form(Ui.Me me, Ui.Flash flash, CampaignForm form, boolean creating);
    }

    /** One idempotency key per form: pausing, activating and archiving are different requests. */
    record StatusKeys(String pause, String activate, String archive) {
        static StatusKeys fresh() {
            return new StatusKeys(Ui.idempotencyKey(), Ui.idempotencyKey(), Ui.idempotencyKey());
        }
    }

    private final CampaignService campaigns;
    private final SecurityIdentity identity;

    public CampaignPages(CampaignService campaigns, SecurityIdentity identity) {
        this.campaigns = campaigns;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> list(@QueryParam("status") String status, @QueryParam("notice") String notice,
                                      @QueryParam("error") String error) {
        String shown = status != null && CampaignService.STATUSES.contains(status) ? status : null;
        return campaigns.list(shown, 500).map(rows -> Templates.campaigns(me(), new Ui.Flash(notice, error), rows, shown));
    }

    @GET
    @Path("/{campaignId}")
    public Uni<TemplateInstance> campaign(@PathParam("campaignId") String campaignId, @QueryParam("notice") String notice,
                                          @QueryParam("error") String error) {
        return campaigns.current(campaignId).chain(campaign -> campaigns.history(campaignId).map(versions ->
                Templates.campaign(me(), new Ui.Flash(notice, error), campaign, versions.reversed(), StatusKeys.fresh())));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        return form(CampaignForm.blank(), true, null);
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@BeanParam CampaignForm form, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        return submit(form, true, edit -> campaigns.create(edit, reviewer(), form.idempotencyKey));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @GET
    @Path("/{campaignId}/edit")
    public Uni<TemplateInstance> editForm(@PathParam("campaignId") String campaignId) {
        return campaigns.current(campaignId).map(campaign -> form(CampaignForm.of(campaign), false, null));
    }

    /** Saves the form as the campaign's next version, against the version the form was filled from. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{campaignId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@PathParam("campaignId") String campaignId, @BeanParam CampaignForm form,
                              @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        form.campaignId = campaignId;
        return submit(form, false, edit -> campaigns.edit(campaignId, version(form.version), edit, reviewer(), form.idempotencyKey));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{campaignId}/{change: pause|activate|archive}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changeStatus(@PathParam("campaignId") String campaignId, @PathParam("change") String change,
                                      @RestForm String version, @RestForm String idempotencyKey, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        String page = page(campaignId);
        Uni<Campaign> changed = switch (change) {
            case "pause" -> campaigns.pause(campaignId, version(version), reviewer(), idempotencyKey);
            case "activate" -> campaigns.activate(campaignId, version(version), reviewer(), idempotencyKey);
            default -> campaigns.archive(campaignId, version(version), reviewer(), idempotencyKey);
        };
        return changed.map(c -> Ui.notice(page, "Now " + c.status() + ": version " + c.version()))
                .onFailure().recoverWithItem(failure -> Ui.error(page, failure));
    }

    /** Post/redirect/get to the campaign on success; the form again, with the reasons, when refused. */
    private Uni<Response> submit(CampaignForm form, boolean creating, Function<CampaignEdit, Uni<Campaign>> write) {
        return Uni.createFrom().deferred(() -> write.apply(form.toEdit()))
                .map(campaign -> Ui.notice(page(campaign.campaignId()), (creating ? "Created" : "Saved")
                        + " as version " + campaign.version()))
                .onFailure().recoverWithItem(failure -> Response.status(status(failure)).type(MediaType.TEXT_HTML)
                        .entity(form(form, creating, "Not saved: " + (failure instanceof IllegalArgumentException
                                ? failure.getMessage() : Ui.message(failure)))).build());
    }

    private TemplateInstance form(CampaignForm form, boolean creating, String error) {
        if (form.idempotencyKey == null) {
            form.idempotencyKey = Ui.idempotencyKey();
        }
        return Templates.form(me(), new Ui.Flash(null, error), form, creating);
    }

    private static int status(Throwable failure) {
        return failure instanceof ApiProblem problem ? problem.status : failure instanceof IllegalArgumentException ? 422 : 500;
    }

    /** The version a form was filled from; the service refuses a missing one. */
    private static Integer version(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Ui.Me me() {
        return Ui.Me.of(identity);
    }

    private String reviewer() {
        return identity.getPrincipal().getName();
    }

    private static String page(String campaignId) {
        return "/ui/campaigns/" + Ui.segment(campaignId);
    }
}
