package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.DraftVersion;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.rest.DraftResource;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.ContentPreview;
import dev.leadstream.hitl.service.DraftDecisions;
import dev.leadstream.hitl.service.DraftEdit;
import dev.leadstream.hitl.service.MessageEdit;
import dev.leadstream.topics.event.Draft;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;

/**
 * The Content Editor: every message (channel, step, variant) with its sentences and the facts each
 * cites, the unsupported ones marked with their reason; the persona the same way; the previews,
 * the guardrail findings and the versions. Save an edit of a message, have the draft written
 * again with an instruction, approve, or reject with a comment. A draft written before campaigns
 * shows its email and posts, with the facts behind each claim.
 */
@Path("/ui/drafts/{draftId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class DraftPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance draft(Ui.Me me, Ui.Flash flash, DraftRow row, ContentPreview preview,
                                             List<DraftVersion> versions, FormKeys keys, GroundedView grounded,
                                             boolean open);
    }

    /** One idempotency key per form: saving, regenerating, approving and rejecting are different requests. */
    record FormKeys(String save, String regenerate, String approve, String reject) {
        static FormKeys fresh() {
            return new FormKeys(Ui.idempotencyKey(), Ui.idempotencyKey(), Ui.idempotencyKey(), Ui.idempotencyKey());
        }
    }

    private final DraftResource drafts;
    private final DraftDecisions decisions;
    private final SecurityIdentity identity;

    public DraftPages(DraftResource drafts, DraftDecisions decisions, SecurityIdentity identity) {
        this.drafts = drafts;
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    public Uni<TemplateInstance> editor(@PathParam("draftId") String draftId, @QueryParam("notice") String notice,
                                        @QueryParam("error") String error) {
        Ui.Me me = Ui.Me.of(identity);
        return drafts.get(draftId).flatMap(row -> drafts.versions(draftId).map(versions -> Templates.draft(
                me, new Ui.Flash(notice, error), row, ContentPreview.of(row.draft()), versions, FormKeys.fresh(),
                GroundedView.of(row.draft()), isOpen(me, row))));
    }

    /** Whether the page offers saving, regenerating and approving: a pending draft not being written again, to a reviewer. */
    private static boolean isOpen(Ui.Me me, DraftRow row) {
        return me.canDecide() && "pending".equals(row.status()) && !DraftRow.REGENERATING.equals(row.generationStatus());
    }

    /** Saves the form as the draft's next version; the posts come as parallel platform and text fields. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@PathParam("draftId") String draftId, @RestForm Integer version, @RestForm String subject,
                              @RestForm String textBody, @RestForm String htmlBody, @RestForm("platform") List<String> platforms,
                              @RestForm("postText") List<String> texts, @RestForm String idempotencyKey,
                              @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        List<Draft.SocialPost> posts = new ArrayList<>();
        for (int i = 0; platforms != null && i < platforms.size(); i++) {
            posts.add(new Draft.SocialPost(platforms.get(i), texts != null && i < texts.size() ? texts.get(i) : ""));
        }
        return saved(draftId, new DraftEdit(version, subject, textBody, Ui.blankToNull(htmlBody), posts.isEmpty() ? null : posts),
                idempotencyKey);
    }

    /** Saves one message's form as the draft's next version; its sentences are checked again against the draft's facts. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/message")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveMessage(@PathParam("draftId") String draftId, @RestForm Integer version, @RestForm String variantId,
                                     @RestForm String subject, @RestForm String preheader, @RestForm String text,
                                     @RestForm String html, @RestForm String idempotencyKey, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        return saved(draftId, new DraftEdit(version, null, null, null, null,
                List.of(new MessageEdit(variantId, subject, preheader, text, Ui.blankToNull(html)))), idempotencyKey);
    }

    /** Saves the edit as the next version, or goes back to the editor saying why it was not saved. */
    private Uni<Response> saved(String draftId, DraftEdit edit, String idempotencyKey) {
        String page = page(draftId);
        List<String> problems;
        try {
            DraftResource.checkText(edit);
            problems = edit.problems();
        } catch (WebApplicationException | ApiProblem e) {
            problems = List.of(e.getMessage());
        }
        if (!problems.isEmpty()) {
            return Ui.refuse(page, "Not saved: " + String.join("; ", problems));
        }
        return decisions.editDraft(draftId, edit, reviewer(), idempotencyKey)
                .map(d -> Ui.notice(page, "Saved as version " + (edit.version() + 1)))
                .onFailure().recoverWithItem(failure -> Ui.error(page, failure));
    }

    /** Asks persona-agent for the draft's next version, written with the reviewer's instruction. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/regenerate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> regenerate(@PathParam("draftId") String draftId, @RestForm Integer version, @RestForm String instruction,
                                    @RestForm String idempotencyKey, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        String page = page(draftId);
        String asked;
        try {
            asked = DraftResource.checkInstruction(instruction);
        } catch (ApiProblem e) {
            return Ui.refuse(page, "Not asked: " + e.getMessage());
        }
        return decisions.regenerateDraft(draftId, version, asked, reviewer(), idempotencyKey)
                .map(d -> Ui.notice(page, "Asked persona-agent for version " + (version + 1) + "; it appears here once written"))
                .onFailure().recoverWithItem(failure -> Ui.error(page, failure));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> approve(@PathParam("draftId") String draftId, @RestForm Integer version,
                                 @RestForm String idempotencyKey, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        return decisions.approveDraft(draftId, version, reviewer(), idempotencyKey)
                .map(d -> Ui.notice(page(draftId), "Approved: the outreach agent sends it"))
                .onFailure().recoverWithItem(failure -> Ui.error(page(draftId), failure));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reject(@PathParam("draftId") String draftId, @RestForm Integer version, @RestForm String comment,
                                @RestForm String idempotencyKey, @BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        if (comment == null || comment.isBlank() || comment.length() > 2000) {
            return Ui.refuse(page(draftId), "say why the draft is rejected, in 1 to 2000 characters");
        }
        if (TextRules.invalid(comment) != null) {
            return Ui.refuse(page(draftId), "the comment " + TextRules.invalid(comment));
        }
        return decisions.rejectDraft(draftId, version, comment, reviewer(), idempotencyKey)
                .map(d -> Ui.notice(page(draftId), "Rejected; the segment's model learns from it"))
                .onFailure().recoverWithItem(failure -> Ui.error(page(draftId), failure));
    }

    private String reviewer() {
        return identity.getPrincipal().getName();
    }

    private static String page(String draftId) {
        return "/ui/drafts/" + Ui.segment(draftId);
    }
}
