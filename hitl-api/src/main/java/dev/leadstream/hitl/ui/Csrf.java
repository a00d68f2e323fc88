package dev.leadstream.hitl.ui;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection for the UI's forms (double-submit): a random token in an HttpOnly, SameSite
 * cookie scoped to /ui, and the same token in a hidden field of every form; a form posted without
 * the match is refused with 400 before it changes anything. The JSON API takes no cookie, so it
 * needs none of this.
 */
public final class Csrf {

    static final String COOKIE = "leadstream-csrf";
    static final String FIELD = "csrf-token";
    private static final String ATTRIBUTE = "leadstream.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** Gives a browser its token on the first page of the UI it loads. */
    public static class CookieIssuer {
        @ServerRequestFilter
        public void issue(RoutingContext routing) {
            if (!routing.normalizedPath().startsWith("/ui")) {
                return;
            }
            Cookie existing = routing.request().getCookie(COOKIE);
            String token = existing != null && wellFormed(existing.getValue()) ? existing.getValue() : null;
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/ui").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT));
            }
            routing.put(ATTRIBUTE, token);
        }
    }

    /** The token for the forms of the page being rendered: {@code {inject:csrf.token}} in a template. */
    @Named("csrf")
    @RequestScoped
    public static class Token {
        private final CurrentVertxRequest request;

        public Token(CurrentVertxRequest request) {
            this.request = request;
        }

        public String parameterName() {
            return FIELD;
        }

        public String token() {
            return request.getCurrent().get(ATTRIBUTE);
        }
    }

    /** The token a form came back with, and the cookie it must match. */
    public static class Submitted {
        @RestForm(FIELD)
        String token;

        @CookieParam(COOKIE)
        String cookie;

        /** Refuses the request unless the form's token matches the browser's cookie. */
        public void verify() {
            if (token == null || cookie == null || !wellFormed(cookie)
                    || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8))) {
                throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                        .entity("This form expired or did not come from this site: reload the page and try again.").build());
            }
        }
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
