package dev.leadstream.hitl.security;

import dev.leadstream.hitl.repository.UiSessionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The UI's sessions on the server. The encrypted session cookie says who signed in; a second
 * cookie carries a random session id whose row must still be open, so signing out (which closes
 * the row) ends the session on every replica, even for someone who kept a copy of both cookies.
 */
@ApplicationScoped
public class UiSessions {

    public static final String COOKIE = "leadstream-session-id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mutiny.SessionFactory sessions;
    private final UiSessionRepository uiSessions;
    private final Duration maxAge;

    public UiSessions(Mutiny.SessionFactory sessions, UiSessionRepository uiSessions,
                      @ConfigProperty(name = "leadstream.session.max-age", defaultValue = "PT12H") Duration maxAge) {
        this.sessions = sessions;
        this.uiSessions = uiSessions;
        this.maxAge = maxAge;
    }

    /** Opens a session for a reviewer who just signed in; answers the id for the browser's cookie. */
    public Uni<String> open(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return sessions.withTransaction(session -> uiSessions.open(session, digest(id), username, maxAge)).replaceWith(id);
    }

    /** The roles of the reviewer whose open session this is, or empty when it is closed, too old, or not theirs. */
    public Uni<Optional<List<String>>> rolesOfOpenSession(String id, String username) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return sessions.withSession(session -> uiSessions.rolesOfOpen(session, digest(id), username, maxAge));
    }

    /** Closes the session; its cookies are refused from now on, wherever they are shown. */
    public Uni<Void> close(String id) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction(session -> uiSessions.close(session, digest(id)));
    }

    private static String digest(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
