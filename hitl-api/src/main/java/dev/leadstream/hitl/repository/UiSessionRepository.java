package dev.leadstream.hitl.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The UI's server-side sessions, each known by a digest of its id, never the id itself. */
@ApplicationScoped
public class UiSessionRepository {

    /** Opens a session, first removing the ones older than {@code maxAge}. */
    public Uni<Void> open(Mutiny.Session session, String idHash, String username, Duration maxAge) {
        return session.createNativeQuery("delete from ui_sessions where created_at < now() - make_interval(secs => :maxAge)")
                .setParameter("maxAge", (double) maxAge.toSeconds()).executeUpdate()
                .chain(() -> session.createNativeQuery("insert into ui_sessions (id_hash, username) values (:id, :name)")
                        .setParameter("id", idHash).setParameter("name", username).executeUpdate())
                .replaceWithVoid();
    }

    /** The roles of the reviewer whose session this is, while it is open and younger than {@code maxAge}. */
    public Uni<Optional<List<String>>> rolesOfOpen(Mutiny.Session session, String idHash, String username, Duration maxAge) {
        return session.createNativeQuery("""
                        select r.roles from ui_sessions s join reviewers r on r.username = s.username
                        where s.id_hash = :id and s.username = :name and s.ended_at is null
                          and s.created_at > now() - make_interval(secs => :maxAge)""", String.class)
                .setParameter("id", idHash).setParameter("name", username)
                .setParameter("maxAge", (double) maxAge.toSeconds()).getResultList()
                .map((List<String> rows) -> rows.stream().findFirst().map(ReviewerRepository::roles));
    }

    public Uni<Void> close(Mutiny.Session session, String idHash) {
        return session.createNativeQuery("update ui_sessions set ended_at = now() where id_hash = :id and ended_at is null")
                .setParameter("id", idHash).executeUpdate().replaceWithVoid();
    }
}
