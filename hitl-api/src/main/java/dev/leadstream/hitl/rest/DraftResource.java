package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.DraftVersion;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.ContentPreview;
import dev.leadstream.hitl.service.DraftDecisions;
import dev.leadstream.hitl.service.DraftEdit;
import dev.leadstream.hitl.service.DraftQueries;
import dev.leadstream.hitl.service.MessageEdit;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Drafts written by the persona agent: read them, approve them as final content. */
@Path("/api/drafts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class DraftResource {

    private final SecurityIdentity identity;
    private final DraftQueries drafts;
    private final DraftDecisions decisions;

    public DraftResource(DraftQueries drafts, DraftDecisions decisions, SecurityIdentity identity) {
        this.identity = identity;
        this.drafts = drafts;
        this.decisions = decisions;
    }

    @GET
    @Path("/{draftId}")
    public Uni<DraftRow> get(@PathParam("draftId") String draftId) {
        return drafts.get(draftId);
    }

    public record Rejection(String comment) {
    }

    /**
     * The draft as it will look where it lands: the email in an inbox and each post on its
     * platform, with the length against the platform's limit and where the feed folds it.
     */
    @GET
    @Path("/{draftId}/preview")
    public Uni<ContentPreview> preview(@PathParam("draftId") String draftId) {
        return get(draftId).map(row -> ContentPreview.of(row.draft()));
    }

    /** The versions reviewers saved, each with what it changed against the one before. */
    @GET
    @Path("/{draftId}/versions")
    public Uni<List<DraftVersion>> versions(@PathParam("draftId") String draftId) {
        return drafts.versions(draftId);
    }

    /**
     * Approves the draft as it stands; the outreach agent sends it. {@code If-Match: <version>}
     * makes sure it is the version the reviewer read: otherwise 409 with the current version.
     */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{draftId}/approve")
    public Uni<Response> approve(@PathParam("draftId") String draftId, @HeaderParam("If-Match") String ifMatch,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return decisions.approveDraft(draftId, version(ifMatch), reviewer(), idempotencyKey).map(DraftResource::accepted);
    }

    /**
     * Saves an edit as the draft's next version: {@code {"version": 1, "messages": [{"variantId": ...,
     * "subject": ..., "preheader": ..., "text": ..., "html": ...}]}}, or for the first touch
     * {@code "subject", "textBody", "htmlBody", "socialPosts": [{"platform": "x", "text": ...}]};
     * parts left out stay as they are. Edited messages are checked again by the grounding gate.
     */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @PUT
    @Path("/{draftId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> edit(@PathParam("draftId") String draftId, DraftEdit edit,
                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (edit == null) {
            throw new BadRequestException("the body must be a draft edit with the version it was made against");
        }
        checkText(edit);
        List<String> problems = edit.problems();
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, String.join("; ", problems));
        }
        return decisions.editDraft(draftId, edit, reviewer(), idempotencyKey).map(DraftResource::accepted);
    }

    /** Rejects the draft; the comment says why, and the lead's segment learns from it. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{draftId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> reject(@PathParam("draftId") String draftId, Rejection body, @HeaderParam("If-Match") String ifMatch,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw new BadRequestException("comment must say why the draft is rejected, in 1 to 2000 characters");
        }
        TextRules.check("comment", body.comment(), LeadResource.MAX_COMMENT);
        return decisions.rejectDraft(draftId, version(ifMatch), body.comment(), reviewer(), idempotencyKey)
                .map(DraftResource::accepted);
    }

    /** Most social posts one draft may carry. */
    public static final int MAX_POSTS = 20;

    /**
     * Refuses text that cannot be stored or sent (400) and more posts than a draft carries (422);
     * the channels' own length limits are {@link DraftEdit#problems()}.
     */
    public static void checkText(DraftEdit edit) {
        TextRules.check("subject", edit.subject(), Integer.MAX_VALUE);
        TextRules.check("textBody", edit.textBody(), Integer.MAX_VALUE);
        TextRules.check("htmlBody", edit.htmlBody(), Integer.MAX_VALUE);
        if (edit.socialPosts() != null) {
            if (edit.socialPosts().size() > MAX_POSTS) {
                throw ApiProblem.overLimit("socialPosts may hold at most " + MAX_POSTS + " posts, held " + edit.socialPosts().size(),
                        MAX_POSTS);
            }
            for (var post : edit.socialPosts()) {
                if (post == null) {
                    throw new BadRequestException("socialPosts must not hold null entries");
                }
                TextRules.check("socialPosts platform", post.platform(), 50);
                TextRules.check("socialPosts text", post.text(), Integer.MAX_VALUE);
            }
        }
        if (edit.messages() != null) {
            if (edit.messages().size() > DraftEdit.MAX_MESSAGE_EDITS) {
                throw ApiProblem.overLimit("messages may hold at most " + DraftEdit.MAX_MESSAGE_EDITS + " edits, held "
                        + edit.messages().size(), DraftEdit.MAX_MESSAGE_EDITS);
            }
            for (MessageEdit message : edit.messages()) {
                if (message == null) {
                    throw new BadRequestException("messages must not hold null entries");
                }
                TextRules.check("messages variantId", message.variantId(), 200);
                TextRules.check("messages subject", message.subject(), Integer.MAX_VALUE);
                TextRules.check("messages preheader", message.preheader(), Integer.MAX_VALUE);
                TextRules.check("messages text", message.text(), Integer.MAX_VALUE);
                TextRules.check("messages html", message.html(), Integer.MAX_VALUE);
            }
        }
    }

    private static Response accepted(Decision d) {
        return Response.accepted(Map.of("decisionId", d.id.toString(), "draftId", d.subjectId, "kind", d.kind,
                "reviewer", d.reviewer)).build();
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(ifMatch.trim().replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be the draft's version number, was " + TextRules.shown(ifMatch));
        }
    }

    /** Decisions record who made them: the signed-in reviewer. */
    private String reviewer() {
        return identity.getPrincipal().getName();
    }
}
