package dev.leadstream.hitl.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reviewer behind a UI session cookie (its password was checked at sign-in). The session must
 * still be open on the server (see {@link UiSessions}) and the account must still exist; both are
 * read again on every request, so signing out, a removed account or a changed role takes effect
 * at once, on every replica.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UiSessions uiSessions;

    public SessionIdentityProvider(UiSessions uiSessions) {
        this.uiSessions = uiSessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie id = routing == null ? null : routing.request().getCookie(UiSessions.COOKIE);
        return uiSessions.rolesOfOpenSession(id == null ? null : id.getValue(), username)
                .map(roles -> ReviewerIdentityProvider.identity(username, roles.orElseThrow(
                        () -> new AuthenticationFailedException("the session was ended, is too old, or its account no longer exists"))));
    }
}
