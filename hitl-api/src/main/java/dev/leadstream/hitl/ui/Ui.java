package dev.leadstream.hitl.ui;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What every page of the review UI shares: who is signed in, the flash message, redirects. */
final class Ui {

    private Ui() {
    }

    /** The signed-in reviewer, and what the page may offer them (the server checks again on every action). */
    record Me(String name, boolean canDecide, boolean isAdmin) {
        static Me of(SecurityIdentity identity) {
            return new Me(identity.getPrincipal().getName(),
                    identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.ADMIN), identity.hasRole(Roles.ADMIN));
        }
    }

    /** The outcome of the last action, carried across the redirect that followed it. */
    record Flash(String notice, String error) {
        boolean any() {
            return notice != null || error != null;
        }
    }

    /** A fresh key for a form, so submitting it twice makes one decision. */
    static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** Post/redirect/get: after an action the browser loads {@code path} with the outcome. */
    private static Response seeOther(String path, String flashName, String flashText) {
        String query = flashText == null ? "" : (path.contains("?") ? "&" : "?") + flashName + "="
                + URLEncoder.encode(flashText, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(path + query)).build();
    }

    static Response notice(String path, String text) {
        return seeOther(path, "notice", text);
    }

    static Response error(String path, Throwable failure) {
        return seeOther(path, "error", message(failure));
    }

    /** A form refused before anything was decided: back to {@code path}, saying why. */
    static Uni<Response> refuse(String path, String why) {
        return Uni.createFrom().item(seeOther(path, "error", why));
    }

    /** Optional form text: blank means not given. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What went wrong, in the words the API would have used; never a stack trace. */
    static String message(Throwable failure) {
        if ((failure instanceof WebApplicationException || failure instanceof ApiProblem) && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return "that did not work; nothing was changed. Try again, and tell an admin if it keeps failing.";
    }

    /** An id as one path segment of a link. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Only paths inside the UI are followed back, so a crafted link cannot send a reviewer elsewhere. */
    static String back(String requested, String fallback) {
        return requested != null && requested.startsWith("/ui/") && !requested.startsWith("//") && !requested.contains("\\")
                ? requested : fallback;
    }
}
