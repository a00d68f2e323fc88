package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.model.CampaignSummary;
import dev.leadstream.hitl.model.CampaignVersion;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.CampaignEdit;
import dev.leadstream.hitl.service.CampaignService;
import dev.leadstream.topics.event.Campaign;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Campaigns: what we offer and how we speak. Everyone signed in reads them; reviewers and admins
 * create and change them. Every change is the campaign's next version, published to the
 * {@code campaigns} topic; each answer carries the version as its ETag, for If-Match.
 */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Tag(name = "Campaigns", description = "What we offer and how we speak: the offering with a source for every statement, the"
        + " sender, tone, call to action, channels, languages, segments, the sequence of touches and the send preferences."
        + " Versioned; every version is published to the compacted campaigns topic, keyed by campaign id.")
public class CampaignResource {

    private static final String IF_MATCH = "The version the change was made against (the ETag of the campaign read);"
            + " a campaign changed since answers 409 with currentVersion.";
    private static final String IDEMPOTENCY_KEY = "Sent again with the same request, answers the first call's version and"
            + " changes nothing; with another request, 422. At most 200 characters.";

    private final CampaignService campaigns;
    private final SecurityIdentity identity;

    public CampaignResource(CampaignService campaigns, SecurityIdentity identity) {
        this.campaigns = campaigns;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List campaigns", description = "The current version of each campaign, most recently changed first.")
    public Uni<List<CampaignSummary>> list(
            @Parameter(description = "active, paused or archived; all when absent") @QueryParam("status") String status,
            @Parameter(description = "at most this many, 1 to 500 (100)") @QueryParam("limit") String limit) {
        return campaigns.list(status, Params.intParam("limit", limit, 100, 1, 500));
    }

    @GET
    @Path("/{campaignId}")
    @Operation(summary = "One campaign", description = "Its current version, as published on the campaigns topic.")
    public Uni<Response> get(@PathParam("campaignId") String campaignId) {
        return campaigns.current(campaignId).map(campaign -> withVersion(Response.ok(), campaign));
    }

    @GET
    @Path("/{campaignId}/versions")
    @Operation(summary = "A campaign's history", description = "Every version, oldest first: who made it, when, its status"
            + " and what it changed against the version before (field, from, to).")
    public Uni<List<CampaignVersion>> versions(@PathParam("campaignId") String campaignId) {
        return campaigns.history(campaignId);
    }

    @GET
    @Path("/{campaignId}/versions/{version}")
    @Operation(summary = "One version of a campaign", description = "Exactly as it was published; drafts name the version"
            + " they were written from.")
    public Uni<Response> version(@PathParam("campaignId") String campaignId, @PathParam("version") String version) {
        return campaigns.version(campaignId, Params.intParam("version", version, 0, 1, Integer.MAX_VALUE))
                .map(campaign -> withVersion(Response.ok(), campaign));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign", description = "Active, at version 1. A statement without an id gets one from"
            + " its kind (value-1, price-1...). Every refused field is listed under errors, with its limit when it went over one.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version")
    @APIResponse(responseCode = "409", description = "A campaign with this id exists")
    @APIResponse(responseCode = "413", description = "The campaign would be larger than 64 KiB as published")
    @APIResponse(responseCode = "422", description = "A field is missing, invalid or over its limit; field and errors name them")
    public Uni<Response> create(CampaignEdit edit, @Parameter(description = IDEMPOTENCY_KEY)
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return campaigns.create(required(edit), reviewer(), idempotencyKey).map(campaign -> withVersion(
                Response.created(URI.create("/api/campaigns/" + campaign.campaignId())), campaign));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @PUT
    @Path("/{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a campaign", description = "The whole campaign as it should be; it becomes the next version,"
            + " in the status the campaign is in. Name the version it was made against with If-Match or version in the body.")
    @APIResponse(responseCode = "200", description = "The new version; ETag is its number")
    @APIResponse(responseCode = "409", description = "Changed by someone else since (currentVersion), or archived (currentState)")
    @APIResponse(responseCode = "422", description = "A field is missing, invalid or over its limit; field and errors name them")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version named the version the edit was made against")
    public Uni<Response> edit(@PathParam("campaignId") String campaignId, CampaignEdit edit,
                              @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                              @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        CampaignEdit body = required(edit);
        return campaigns.edit(campaignId, expectedVersion(ifMatch, body.version()), body, reviewer(), idempotencyKey)
                .map(campaign -> withVersion(Response.ok(), campaign));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{campaignId}/pause")
    @Operation(summary = "Pause a campaign", description = "No lead is selected into it until it is activated again; its"
            + " next version says paused.")
    @APIResponse(responseCode = "409", description = "Not active (currentState), or changed since If-Match (currentVersion)")
    public Uni<Response> pause(@PathParam("campaignId") String campaignId,
                               @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                               @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return campaigns.pause(campaignId, expectedVersion(ifMatch, null), reviewer(), idempotencyKey)
                .map(campaign -> withVersion(Response.ok(), campaign));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{campaignId}/activate")
    @Operation(summary = "Activate a paused campaign", description = "Leads may be selected into it again.")
    @APIResponse(responseCode = "409", description = "Not paused (currentState), or changed since If-Match (currentVersion)")
    public Uni<Response> activate(@PathParam("campaignId") String campaignId,
                                  @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                  @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return campaigns.activate(campaignId, expectedVersion(ifMatch, null), reviewer(), idempotencyKey)
                .map(campaign -> withVersion(Response.ok(), campaign));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{campaignId}/archive")
    @Operation(summary = "Archive a campaign", description = "Final: it is kept as it was, no longer edited, and no lead is"
            + " selected into it again.")
    @APIResponse(responseCode = "409", description = "Already archived (currentState), or changed since If-Match (currentVersion)")
    public Uni<Response> archive(@PathParam("campaignId") String campaignId,
                                 @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                 @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return campaigns.archive(campaignId, expectedVersion(ifMatch, null), reviewer(), idempotencyKey)
                .map(campaign -> withVersion(Response.ok(), campaign));
    }

    private static CampaignEdit required(CampaignEdit edit) {
        if (edit == null) {
            throw ApiProblem.badRequest("the body must be a campaign, a JSON object");
        }
        return edit;
    }

    /** If-Match ({@code 3} or {@code "3"}) or the body's version; both must agree when both are given. */
    private static Integer expectedVersion(String ifMatch, Integer bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        Integer version = IfMatch.version(ifMatch, "campaign");
        if (bodyVersion != null && !bodyVersion.equals(version)) {
            throw ApiProblem.badRequest("If-Match says version " + version + " and the body version " + bodyVersion
                    + "; send one, or both the same");
        }
        return version;
    }

    private static Response withVersion(Response.ResponseBuilder response, Campaign campaign) {
        return response.tag(new EntityTag(Integer.toString(campaign.version()))).entity(campaign).build();
    }

    /** Changes record who made them: the signed-in reviewer. */
    private String reviewer() {
        return identity.getPrincipal().getName();
    }
}
