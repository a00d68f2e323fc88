package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.model.AuditEntry;
import dev.leadstream.hitl.model.AuditFilter;
import dev.leadstream.hitl.security.Roles;
import dev.leadstream.hitl.service.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * The audit trail, newest first: every reviewer decision and every agent action the review
 * service has seen (from the provenance of the records it reads). It is append-only: the
 * database refuses to change or delete an entry.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
public class AuditResource {

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    public record AuditPage(List<AuditEntry> items, String next) {
    }

    /** {@code type} is e.g. lead.selected, draft.approved, lead.scored; {@code from}/{@code to} are ISO-8601 instants. */
    @GET
    public Uni<AuditPage> list(@QueryParam("leadId") String leadId, @QueryParam("actor") String actor,
                               @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("after") String after, @QueryParam("limit") String limitParam) {
        int limit = Params.intParam("limit", limitParam, 100, 1, 1000);
        AuditFilter filter = new AuditFilter(blank(leadId), blank(actor), blank(type),
                instant("from", from), instant("to", to));
        String[] cursor = cursor(after);
        return audit.page(filter, cursor == null ? null : cursor[0], cursor == null ? null : cursor[1], limit).map(items -> new AuditPage(items, items.size() < limit ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString((items.getLast().at() + "\n" + items.getLast().id())
                        .getBytes(StandardCharsets.UTF_8))));
    }

    private static String[] cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n", 2);
            if (parts.length == 2) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new BadRequestException("after must be the next cursor of a previous page, was " + after);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-24T09:00:00Z, was " + value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
