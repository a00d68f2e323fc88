package dev.leadstream.hitl.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The reviewer behind a UI session cookie (its password was checked at sign-in). The account is
 * read again on every request, so a removed account or a changed role takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final Mutiny.SessionFactory sessions;

    public SessionIdentityProvider(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return sessions.withSession(session -> session.createNativeQuery("select roles from reviewers where username = :name",
                        String.class).setParameter("name", username).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new AuthenticationFailedException("the session's account no longer exists");
                    }
                    return ReviewerIdentityProvider.identity(username, ReviewerIdentityProvider.roles(rows.getFirst()));
                });
    }
}
