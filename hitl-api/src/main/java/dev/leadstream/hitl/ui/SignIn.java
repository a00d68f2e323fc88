package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.security.UiSessions;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Signing in and out of the UI. The sign-in form posts to Quarkus' form authentication, which
 * checks the same built-in accounts as HTTP Basic and keeps the session in an encrypted cookie;
 * the session's server-side row (see {@link UiSessions}) is what signing out closes.
 */
@Path("/ui")
public class SignIn {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final String sessionCookie;
    private final UiSessions sessions;

    public SignIn(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie, UiSessions sessions) {
        this.sessionCookie = sessionCookie;
        this.sessions = sessions;
    }

    @GET
    @Path("/login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean failed) {
        return Templates.login(failed);
    }

    @GET
    @RolesAllowed("**")
    public Response home() {
        return Response.seeOther(URI.create("/ui/leads")).build();
    }

    /** Ends the session on the server, so a kept copy of its cookies is refused too, and expires the cookies. */
    @POST
    @Path("/logout")
    @RolesAllowed("**")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logout(@BeanParam Csrf.Submitted csrf, @CookieParam(UiSessions.COOKIE) String sessionId) {
        csrf.verify();
        return sessions.close(sessionId).map(closed -> Response.seeOther(URI.create("/ui/login"))
                .cookie(expired(sessionCookie), expired(UiSessions.COOKIE)).build());
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).path("/").value("").maxAge(0).httpOnly(true).build();
    }
}
