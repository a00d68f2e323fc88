package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.entity.Decision;
import dev.leadstream.hitl.model.DraftRow;
import dev.leadstream.hitl.model.LeadFilter;
import dev.leadstream.hitl.model.LeadQuery;
import dev.leadstream.hitl.model.LeadRow;
import dev.leadstream.hitl.model.LeadSort;
import dev.leadstream.hitl.problem.TextRules;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.CampaignRules;
import dev.leadstream.hitl.service.DecisionService;
import dev.leadstream.hitl.service.DraftQueries;
import dev.leadstream.hitl.service.LeadQueries;
import dev.leadstream.hitl.service.SelectionCampaign;
import dev.leadstream.topics.EventJson;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The lead table: read it page by page, select leads for outreach. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class LeadResource {

    private final SecurityIdentity identity;
    private static final int EXPORT_BATCH = 500;
    private static final int MAX_BULK = 500;

    private final LeadQueries leads;
    private final DraftQueries drafts;
    private final DecisionService decisions;

    public LeadResource(LeadQueries leads, DraftQueries drafts, DecisionService decisions, SecurityIdentity identity) {
        this.identity = identity;
        this.leads = leads;
        this.drafts = drafts;
        this.decisions = decisions;
    }

    public record LeadPage(List<LeadRow> items, String next) {
    }

    public record Facets(long total, Map<String, Map<String, Long>> facets) {
    }

    /** {@code campaignId} is for a selection: the campaign the leads are selected into. */
    public record BulkDecision(List<String> leadIds, String comment, String campaignId) {
        public BulkDecision(List<String> leadIds, String comment) {
            this(leadIds, comment, null);
        }
    }

    /** The campaign a lead is selected into; omitted, the only active campaign. */
    public record Selection(String campaignId) {
    }

    /**
     * One page of the lead table, filtered and sorted (see {@link LeadTableParams}); {@code after}
     * is the {@code next} token of the previous page, which is null on the last page.
     */
    @GET
    public Uni<LeadPage> list(@BeanParam LeadTableParams params, @QueryParam("after") String after,
                              @QueryParam("limit") String limitParam) {
        TextRules.check("after", after, 2000);
        int limit = Params.intParam("limit", limitParam, 50, 1, 500);
        LeadSort sort = params.sort();
        boolean descending = params.descending();
        LeadCursor cursor = LeadCursor.parse(after, sort, descending);
        LeadQuery query = new LeadQuery(params.filter(), sort, descending, cursor == null ? null : cursor.values(), limit);
        return leads.page(query).map(page -> new LeadPage(page.rows(),
                page.rows().size() < limit ? null : LeadCursor.tokenFor(sort, descending, page.cursors().getLast())));
    }

    /**
     * How many leads under the filter have each tier, status, sector, segment, country, city, email,
     * phone. Counts that took long (a broad filter over many leads) may be up to 10 s old.
     */
    @GET
    @Path("/facets")
    public Uni<Facets> facets(@BeanParam LeadTableParams params) {
        LeadFilter filter = params.filter();
        return leads.facets(filter).map(facets ->
                new Facets(facets.get("tier").values().stream().mapToLong(Long::longValue).sum(), facets));
    }

    /** Every lead under the filter, in the chosen order, as CSV; streamed page by page. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Multi<String> export(@BeanParam LeadTableParams params) {
        LeadSort sort = params.sort();
        boolean descending = params.descending();
        LeadFilter filter = params.filter();
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(LeadCsv.HEADER),
                Multi.createBy().repeating()
                        .uni(() -> new AtomicReference<List<String>>(),
                                last -> leads.page(new LeadQuery(filter, sort, descending, last.get(), EXPORT_BATCH))
                                        .invoke(page -> last.set(page.cursors().isEmpty() ? null : page.cursors().getLast())))
                        .whilst(page -> page.rows().size() == EXPORT_BATCH)
                        .onItem().transformToIterable(page -> page.rows().stream().map(LeadCsv::row).toList()));
    }

    /**
     * Selects up to 500 leads at once into one campaign; unknown, already decided, already contacted
     * ones and those in a segment the campaign does not target are listed as skipped.
     */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/bulk/select")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Select leads into a campaign", description = "Up to 500 leads in one transaction, each with its decision"
            + " and lead.selected event (the lead, its enrichment signals and the campaign's current version). campaignId may be"
            + " left out when exactly one campaign is active. Leads that cannot be selected are listed under skipped, with why.")
    @APIResponse(responseCode = "200", description = "decided: the leads selected; skipped: lead → why not")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign is paused or archived (currentState)")
    @APIResponse(responseCode = "413", description = "A lead's selection event would be larger than a record may be (limit)")
    @APIResponse(responseCode = "422", description = "campaignId left out while not exactly one campaign is active (field)")
    public Uni<DecisionService.BulkOutcome> bulkSelect(BulkDecision body,
                                                       @HeaderParam("Idempotency-Key") String idempotencyKey) {
        checkBulk(body, false);
        return decisions.selectLeads(body.leadIds(), campaignId(body.campaignId()), reviewer(), body.comment(), idempotencyKey);
    }

    /** Rejects up to 500 leads at once, with a comment saying why. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/bulk/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DecisionService.BulkOutcome> bulkReject(BulkDecision body,
                                                       @HeaderParam("Idempotency-Key") String idempotencyKey) {
        checkBulk(body, true);
        return decisions.rejectLeads(body.leadIds(), reviewer(), body.comment(), idempotencyKey);
    }

    /** Longest comment a decision keeps, and longest lead id a bulk call may name. */
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_LEAD_ID = 500;

    /** The checks of a bulk call, shared with the UI's form. */
    public static void checkBulk(BulkDecision body, boolean commentRequired) {
        if (body == null || body.leadIds() == null || body.leadIds().isEmpty()) {
            throw new BadRequestException("leadIds must name at least one lead");
        }
        if (body.leadIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new BadRequestException("leadIds must not contain blank ids");
        }
        TextRules.checkAll("leadIds", body.leadIds(), MAX_BULK, MAX_LEAD_ID);
        if (commentRequired && (body.comment() == null || body.comment().isBlank())) {
            throw new BadRequestException("comment must say why the leads are rejected");
        }
        TextRules.check("comment", body.comment(), MAX_COMMENT);
    }

    public record Reopening(String comment) {
    }

    /**
     * Puts a selected or rejected lead back to new so it can be decided again: an admin's act, kept
     * in the audit trail with its reason. A lead already contacted still cannot be selected.
     */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{leadId}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> reopen(@PathParam("leadId") String leadId, Reopening body,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw new BadRequestException("comment must say why the lead is reopened");
        }
        TextRules.check("comment", body.comment(), MAX_COMMENT);
        return decisions.reopenLead(leadId, body.comment(), reviewer(), idempotencyKey).map(d -> Response.ok(
                Map.of("decisionId", d.id.toString(), "leadId", d.leadId, "kind", d.kind, "reviewer", d.reviewer)).build());
    }

    @GET
    @Path("/{leadId}")
    public Uni<LeadRow> get(@PathParam("leadId") String leadId) {
        return leads.get(leadId);
    }

    @GET
    @Path("/{leadId}/drafts")
    @Operation(summary = "A lead's drafts", description = "Every draft written for the lead, most recently changed first, each"
            + " with its persona, messages, facts, findings, generation and generationStatus; GET /api/drafts?leadId= also lists"
            + " the selections still waiting for a draft.")
    public Uni<List<DraftRow>> drafts(@PathParam("leadId") String leadId) {
        return drafts.ofLead(leadId);
    }

    /** Chooses the lead for outreach in a campaign; the persona agent writes its drafts. */
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @POST
    @Path("/{leadId}/select")
    @Operation(summary = "Select a lead into a campaign", description = "Body {\"campaignId\": ...}, which may be left out (or the"
            + " body with it) when exactly one campaign is active. The lead.selected event carries the lead, its enrichment signals"
            + " and the campaign's current version; the decision records the campaign and version.")
    @APIResponse(responseCode = "202", description = "Selected: decisionId, campaignId, campaignVersion")
    @APIResponse(responseCode = "404", description = "No such lead or campaign")
    @APIResponse(responseCode = "409", description = "The lead is already decided or contacted, or the campaign is paused or"
            + " archived (currentState)")
    @APIResponse(responseCode = "413", description = "The selection event would be larger than a record may be (limit)")
    @APIResponse(responseCode = "422", description = "campaignId left out while not exactly one campaign is active, or the"
            + " lead's segment is not one the campaign targets (field, segment, segments)")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Selection.class)))
    public Uni<Response> select(@PathParam("leadId") String leadId, byte[] body,
                                @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Selection selection;
        try {
            // read by hand: a select without a body (and so without a Content-Type) is a select into the only active campaign
            selection = body == null || body.length == 0 ? null : EventJson.read(body, Selection.class);
        } catch (EventJson.MalformedEventException e) {
            throw new ApiError.EventJsonError(e);
        }
        return decisions.selectLead(leadId, campaignId(selection == null ? null : selection.campaignId()), reviewer(), idempotencyKey)
                .map(d -> Response.accepted(selected(d)).build());
    }

    private static Map<String, Object> selected(Decision d) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decisionId", d.id.toString());
        answer.put("leadId", d.leadId);
        answer.put("kind", d.kind);
        answer.put("reviewer", d.reviewer);
        answer.put("campaignId", d.campaignId);
        answer.put("campaignVersion", d.campaignVersion);
        return answer;
    }

    /** The campaign a selection names, checked as text; blank means none was named. */
    public static String campaignId(String given) {
        TextRules.check(SelectionCampaign.FIELD, given, CampaignRules.MAX_ID);
        return given == null || given.isBlank() ? null : given.strip();
    }

    /** Decisions record who made them: the signed-in reviewer. */
    private String reviewer() {
        return identity.getPrincipal().getName();
    }
}
