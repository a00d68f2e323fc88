package dev.leadstream.hitl.rest;

import dev.leadstream.hitl.model.ReviewerAccount;
import dev.leadstream.hitl.security.ReviewerAccounts;
import dev.leadstream.hitl.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reviewer accounts: admins make them; everyone signed in can ask who they are. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewerResource {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._@-]{2,64}");

    private final ReviewerAccounts accounts;
    private final SecurityIdentity identity;

    public ReviewerResource(ReviewerAccounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    public record NewReviewer(String username, String password, List<String> roles) {
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
    public Map<String, Object> me() {
        return Map.of("username", identity.getPrincipal().getName(), "roles", identity.getRoles().stream().sorted().toList());
    }

    @GET
    @Path("/reviewers")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<ReviewerAccount>> reviewers() {
        return accounts.all();
    }

    @POST
    @Path("/reviewers")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(NewReviewer body) {
        if (body == null || body.username() == null || !NAME.matcher(body.username()).matches()) {
            throw new BadRequestException("username must be 2 to 64 letters, digits or . _ @ -");
        }
        if (body.password() == null || body.password().length() < 12) {
            throw new BadRequestException("password must be at least 12 characters");
        }
        if (body.roles() == null || body.roles().isEmpty() || !Roles.ALL.containsAll(body.roles())) {
            throw new BadRequestException("roles must be some of " + Roles.ALL);
        }
        return accounts.create(body.username(), body.password().toCharArray(), body.roles()).map(created -> {
            if (!created) {
                throw new ClientErrorException("reviewer " + body.username() + " already exists", Response.Status.CONFLICT);
            }
            return Response.status(201).entity(Map.of("username", body.username(), "roles", body.roles())).build();
        });
    }
}
