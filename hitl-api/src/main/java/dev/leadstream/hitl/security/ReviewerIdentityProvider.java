package dev.leadstream.hitl.security;

import dev.leadstream.hitl.repository.ReviewerRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic and the UI's sign-in form against the built-in reviewers table. A locked account name
 * or source address is refused before anything else; an unknown name costs the same hash as a
 * wrong password; each failure is counted and its answer held back as {@link SignInPolicy} says.
 * The slow hash is checked on a worker thread, and a successful check is remembered for a few
 * minutes (by a digest of name and password, never the password), so API clients do not pay for
 * it on every call. A form sign-in also opens a server-side session (see {@link UiSessions}).
 */
@ApplicationScoped
public class ReviewerIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final String FORM_POST = "/j_security_check";

    private record Verified(List<String> roles, Instant until) {
    }

    private final Mutiny.SessionFactory sessions;
    private final ReviewerRepository reviewers;
    private final SignInThrottle throttle;
    private final UiSessions uiSessions;
    private final PasswordCheck passwords = PasswordCheck.pbkdf2();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public ReviewerIdentityProvider(Mutiny.SessionFactory sessions, ReviewerRepository reviewers, SignInThrottle throttle,
                                    UiSessions uiSessions) {
        this.sessions = sessions;
        this.reviewers = reviewers;
        this.throttle = throttle;
        this.uiSessions = uiSessions;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null || routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        Context eventLoop = Vertx.currentContext();
        return throttle.standing(username, address).chain(standing -> {
            if (standing.locked()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("account or address locked"));
            }
            String key = digest(username, password);
            Verified known = verified.get(key);
            if (known != null && known.until().isAfter(Instant.now())) {
                Uni<Void> cleared = standing.accountHasFailures() ? throttle.succeeded(username) : Uni.createFrom().voidItem();
                return cleared.chain(() -> withUiSession(username, routing)).replaceWith(identity(username, known.roles()));
            }
            return sessions.withSession(session -> reviewers.credentials(session, username))
                    .chain(stored -> checkOffTheEventLoop(password,
                            Optional.ofNullable(stored).map(ReviewerRepository.Credentials::passwordHash), eventLoop)
                            .chain(matched -> matched
                                    ? signedIn(username, stored.roles(), key, routing)
                                    : refused(username, address)));
        });
    }

    private Uni<Boolean> checkOffTheEventLoop(char[] password, Optional<String> storedHash, Context eventLoop) {
        Uni<Boolean> check = Uni.createFrom().item(() -> passwords.matches(password, storedHash))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        // the database session that follows must run on the request's own Vert.x context
        return eventLoop == null ? check : check.emitOn(task -> eventLoop.runOnContext(ignored -> task.run()));
    }

    private Uni<SecurityIdentity> signedIn(String username, List<String> roles, String key, RoutingContext routing) {
        verified.put(key, new Verified(roles, Instant.now().plus(REMEMBER)));
        return throttle.succeeded(username).chain(() -> withUiSession(username, routing)).replaceWith(identity(username, roles));
    }

    /** A sign-in through the UI's form opens a server-side session, whose id the browser keeps in a cookie. */
    private Uni<Void> withUiSession(String username, RoutingContext routing) {
        if (routing == null || !routing.normalizedPath().endsWith(FORM_POST)) {
            return Uni.createFrom().voidItem();
        }
        return uiSessions.open(username).invoke(id -> routing.response().addCookie(Cookie.cookie(UiSessions.COOKIE, id)
                .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL())))
                .replaceWithVoid();
    }

    private Uni<SecurityIdentity> refused(String username, String address) {
        return throttle.failed(username, address).chain(delay -> {
            Uni<SecurityIdentity> failure = Uni.createFrom().failure(new AuthenticationFailedException("unknown user or wrong password"));
            return delay.isZero() ? failure
                    : Uni.createFrom().voidItem().onItem().delayIt().by(delay).chain(() -> failure);
        });
    }

    /** Forgets remembered checks, e.g. when a reviewer's roles or password change. */
    public void forget() {
        verified.clear();
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
