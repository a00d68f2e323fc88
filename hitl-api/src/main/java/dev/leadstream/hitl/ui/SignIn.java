package dev.leadstream.hitl.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
 * checks the same built-in accounts as HTTP Basic and keeps the session in an encrypted cookie.
 */
@Path("/ui")
public class SignIn {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final String sessionCookie;

    public SignIn(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.sessionCookie = sessionCookie;
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

    /** Ends the session by expiring its cookie. */
    @POST
    @Path("/logout")
    @RolesAllowed("**")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@BeanParam Csrf.Submitted csrf) {
        csrf.verify();
        return Response.seeOther(URI.create("/ui/login"))
                .cookie(new NewCookie.Builder(sessionCookie).path("/").value("").maxAge(0).httpOnly(true).build()).build();
    }
}
