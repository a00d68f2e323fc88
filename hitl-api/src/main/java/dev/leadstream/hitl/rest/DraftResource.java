package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.DraftVersion;
import dev.leadstream.hitl.model.GenerationFilter;
import dev.leadstream.hitl.model.GenerationRow;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.ContentPreview;
import dev.leadstream.hitl.service.DraftDecisions;
import dev.leadstream.hitl.service.DraftEdit;
import dev.leadstream.hitl.service.DraftQueries;
import dev.leadstream.hitl.service.MessageEdit;
import dev.leadstream.hitl.service.SelectionCampaign;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * The Persona &amp; Content API: where generation stands for each selection, the personas and
 * drafts persona-agent wrote, and the reviewer's decisions on them (edit, regenerate, approve, reject).
 */
@Path("/api/drafts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Tag(name = "Persona & Content", description = "Personas and drafts persona-agent writes for the leads selected into a campaign:"
        + " messages per channel, sequence step and variant, each sentence citing the facts it rests on; where generation"
        + " stands; and the reviewer's edits (checked again by the grounding gate), regenerations, approvals and rejections.")
public class DraftResource {

    private static final String IDEMPOTENCY_KEY = "Sent again with the same request, answers the first call's decision and"
            + " changes nothing; with another request, 422. At most 200 characters.";
    /** Longest instruction a reviewer gives persona-agent for a new version. */
    public static final int MAX_INSTRUCTION = 500;
    /** Most social posts one draft may carry. */
    public static final int MAX_POSTS = 20;

    private final SecurityIdentity identity;
    private final DraftQueries drafts;
    private final DraftDecisions decisions;

    public DraftResource(DraftQueries drafts, DraftDecisions decisions, SecurityIdentity identity) {
        this.identity = identity;
        this.drafts = drafts;
        this.decisions = decisions;
    }

    @GET
    @Operation(summary = "Where generation stands", description = "One row per selection of a lead into a campaign (its latest),"
            + " with the draft written for it: requested (selected, no draft yet), written, regenerating (a new version was asked"
            + " for and has not arrived), approved, rejected or sent. Drafts written without a selection are listed too."
            + " Most recently changed first.")
    public Uni<List<GenerationRow>> list(
            @Parameter(description = "only this campaign's selections and drafts") @QueryParam("campaignId") String campaignId,
            @Parameter(description = "only this lead's") @QueryParam("leadId") String leadId,
            @Parameter(description = "requested, written, regenerating, approved, rejected or sent") @QueryParam("status") String status,
            @Parameter(description = "at most this many, 1 to 500 (100)") @QueryParam("limit") String limit) {
        TextRules.check(SelectionCampaign.FIELD, campaignId, 200);
        TextRules.check("leadId", leadId, LeadResource.MAX_LEAD_ID);
        TextRules.check("status", status, 50);
        return drafts.generations(new GenerationFilter(blankToNull(campaignId), blankToNull(leadId), blankToNull(status),
                Params.intParam("limit", limit, 100, 1, 500)));
    }

    @GET
    @Path("/{draftId}")
    @Operation(summary = "One draft", description = "Its current version: the persona, the messages per channel, step and variant"
            + " with their statements (each sentence, the facts it cites, supported or unsupported and why), the facts, the"
            + " guardrail findings, how it was written (generation), the campaign version; status is the review's (pending,"
            + " approved, rejected), generationStatus the content's (written, regenerating, approved, rejected, sent).")
    public Uni<DraftRow> get(@PathParam("draftId") String draftId) {
        return drafts.get(draftId);
    }

    public record Rejection(String comment) {
    }

    /** What the reviewer wants changed in the next version, and the version they read. */
    public record Regeneration(String instruction, Integer version) {
    }

    /**
     * The draft as it will look where it lands: the email in an inbox and each post on its
     * platform, with the length against the platform's limit and where the feed folds it.
     */
    @GET
    @Path("/{draftId}/preview")
    @Operation(summary = "A draft as it will look", description = "The first-touch email as an inbox shows it and each post as its"
            + " platform shows it, with its length against the platform's limit and where the feed folds it.")
    public Uni<ContentPreview> preview(@PathParam("draftId") String draftId) {
        return get(draftId).map(row -> ContentPreview.of(row.draft()));
    }

    @GET
    @Path("/{draftId}/versions")
    @Operation(summary = "A draft's later versions", description = "Every version after the first, oldest first: who made it (a"
            + " reviewer, or persona-agent for a regeneration), when, and what it changed (field, from, to).")
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
    @Operation(summary = "Approve a draft", description = "As it stands, as final content; outreach-agent sends it.")
    @APIResponse(responseCode = "202", description = "Approved")
    @APIResponse(responseCode = "409", description = "Changed since (currentVersion), decided, being regenerated or the lead"
            + " already contacted (currentState)")
    @APIResponse(responseCode = "422", description = "A sentence no fact supports (type unsupported-claims; sentences lists"
            + " text, reason and part of each), or a blocking guardrail finding")
    public Uni<Response> approve(@PathParam("draftId") String draftId,
                                 @Parameter(description = "the version approved") @HeaderParam("If-Match") String ifMatch,
                                 @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return decisions.approveDraft(draftId, IfMatch.version(ifMatch, "draft"), reviewer(), idempotencyKey).map(DraftResource::accepted);
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
    @Operation(summary = "Edit a draft", description = "The next version, made against version. messages edits messages by"
            + " variantId (subject, preheader and html for email; text for every channel); subject, textBody, htmlBody and"
            + " socialPosts edit the first touch. Every sentence of an edited message is checked again against the draft's"
            + " facts: the new version's statements say which are unsupported and why. The HTML is made safe for email.")
    @APIResponse(responseCode = "202", description = "Saved as the next version")
    @APIResponse(responseCode = "409", description = "Changed since (currentVersion), decided or being regenerated (currentState)")
    @APIResponse(responseCode = "422", description = "Over a channel's limit, an unknown variantId, or a part the channel lacks")
    public Uni<Response> edit(@PathParam("draftId") String draftId, DraftEdit edit,
                              @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
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

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{draftId}/regenerate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Have a draft written again", description = "{\"instruction\": \"shorter\", \"version\": 2} (or If-Match):"
            + " persona-agent writes the next version from the lead, its signals, the campaign version the draft was written for,"
            + " the draft and the instruction, and it arrives as the next version of the same draft. Until then the draft is"
            + " regenerating: it is not edited or approved.")
    @APIResponse(responseCode = "202", description = "Asked for: the draft is regenerating")
    @APIResponse(responseCode = "404", description = "No such draft, or its campaign version is gone")
    @APIResponse(responseCode = "409", description = "Changed since (currentVersion) or decided (currentState)")
    @APIResponse(responseCode = "422", description = "No instruction, one over 500 characters (limit), no version, or a draft"
            + " written without a campaign")
    public Uni<Response> regenerate(@PathParam("draftId") String draftId, Regeneration body,
                                    @Parameter(description = "the version to write again, if not in the body")
                                    @HeaderParam("If-Match") String ifMatch,
                                    @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String instruction = checkInstruction(body == null ? null : body.instruction());
        Integer version = body != null && body.version() != null ? body.version() : IfMatch.version(ifMatch, "draft");
        return decisions.regenerateDraft(draftId, version, instruction, reviewer(), idempotencyKey).map(DraftResource::accepted);
    }

    /** Rejects the draft; the comment says why, and the lead's segment learns from it. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{draftId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a draft", description = "{\"comment\": \"too pushy\"}: the lead's segment learns from it.")
    public Uni<Response> reject(@PathParam("draftId") String draftId, Rejection body,
                                @Parameter(description = "the version rejected") @HeaderParam("If-Match") String ifMatch,
                                @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw new BadRequestException("comment must say why the draft is rejected, in 1 to 2000 characters");
        }
        TextRules.check("comment", body.comment(), LeadResource.MAX_COMMENT);
        return decisions.rejectDraft(draftId, IfMatch.version(ifMatch, "draft"), body.comment(), reviewer(), idempotencyKey)
                .map(DraftResource::accepted);
    }

    /** The instruction for a regeneration, stripped: 1 to {@value #MAX_INSTRUCTION} characters of text. */
    public static String checkInstruction(String instruction) {
        if (instruction == null || instruction.isBlank()) {
            throw new ApiProblem(null, 422, "instruction must say what the next version should do differently, e.g. \"shorter\"",
                    Map.of("field", "instruction"));
        }
        TextRules.check("instruction", instruction, MAX_INSTRUCTION);
        return instruction.strip();
    }

    /**
     * Refuses text that cannot be stored or sent (400), and a subject, body, list of posts or of
     * message edits longer than a draft carries (422 naming the limit); the channels' own length
     * limits are {@link DraftEdit#problems()}.
     */
    public static void checkText(DraftEdit edit) {
        TextRules.check("subject", edit.subject(), DraftEdit.MAX_SUBJECT);
        TextRules.check("textBody", edit.textBody(), DraftEdit.MAX_BODY);
        TextRules.check("htmlBody", edit.htmlBody(), DraftEdit.MAX_BODY);
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


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Decisions record who made them: the signed-in reviewer. */
    private String reviewer() {
        return identity.getPrincipal().getName();
    }
}
