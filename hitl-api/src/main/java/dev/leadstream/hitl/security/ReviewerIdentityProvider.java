package dev.leadstream.hitl.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic against the built-in reviewers table. The slow hash is checked on a worker thread,
 * and a successful check is remembered for a few minutes (by a digest of name and password, never
 * the password), so API clients do not pay for it on every call.
 */
@ApplicationScoped
public class ReviewerIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private record Verified(List<String> roles, Instant until) {
    }

    private final Mutiny.SessionFactory sessions;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public ReviewerIdentityProvider(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        String key = digest(username, password);
        Verified known = verified.get(key);
        if (known != null && known.until().isAfter(Instant.now())) {
            return Uni.createFrom().item(identity(username, known.roles()));
        }
        return sessions.withSession(session -> session.createNativeQuery(
                                "select password_hash, roles from reviewers where username = :name", Object[].class)
                        .setParameter("name", username).getResultList())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    if (rows.isEmpty() || !Passwords.matches(password, (String) rows.getFirst()[0])) {
                        throw new AuthenticationFailedException("unknown user or wrong password");
                    }
                    List<String> roles = roles((String) rows.getFirst()[1]);
                    verified.put(key, new Verified(roles, Instant.now().plus(REMEMBER)));
                    return identity(username, roles);
                });
    }

    /** Forgets remembered checks, e.g. when a reviewer's roles or password change. */
    public void forget() {
        verified.clear();
    }

    static List<String> roles(String stored) {
        return Arrays.stream(stored.split(",")).map(String::trim).toList();
    }

    static SecurityIdentity identity(String username, List<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(new HashSet<>(roles))
                .build();
    }

    private static String digest(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
