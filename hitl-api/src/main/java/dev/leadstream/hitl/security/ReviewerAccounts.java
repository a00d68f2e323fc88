package dev.leadstream.hitl.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The built-in reviewer accounts. The first admin comes from {@code LEADSTREAM_ADMIN_USER} and
 * {@code LEADSTREAM_ADMIN_PASSWORD} when the table is empty; every other account is made by an
 * admin through the API.
 */
@ApplicationScoped
public class ReviewerAccounts {

    private static final Logger LOG = Logger.getLogger(ReviewerAccounts.class);

    public record Account(String username, List<String> roles) {
    }

    private final Mutiny.SessionFactory sessions;

    public ReviewerAccounts(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    void firstAdmin(@Observes StartupEvent start,
                    @ConfigProperty(name = "leadstream.admin.user") Optional<String> user,
                    @ConfigProperty(name = "leadstream.admin.password") Optional<String> password) {
        if (user.isEmpty() || password.isEmpty() || password.get().isBlank()) {
            LOG.info("no LEADSTREAM_ADMIN_USER/LEADSTREAM_ADMIN_PASSWORD: no first admin is created");
            return;
        }
        boolean created = sessions.withTransaction(session -> session.createNativeQuery("""
                                insert into reviewers (username, password_hash, roles)
                                select :name, :hash, :roles where not exists (select 1 from reviewers)""")
                        .setParameter("name", user.get()).setParameter("hash", Passwords.hash(password.get().toCharArray()))
                        .setParameter("roles", String.join(",", Roles.ALL)).executeUpdate())
                .map(rows -> rows > 0).await().atMost(Duration.ofSeconds(30));
        if (created) {
            LOG.infof("created the first admin, %s", user.get());
        }
    }

    /** Creates an account; answers false when the name is taken. */
    public Uni<Boolean> create(String username, char[] password, List<String> roles) {
        String hash = Passwords.hash(password);
        return sessions.withTransaction(session -> session.createNativeQuery("""
                        insert into reviewers (username, password_hash, roles) values (:name, :hash, :roles)
                        on conflict (username) do nothing""")
                .setParameter("name", username).setParameter("hash", hash).setParameter("roles", String.join(",", roles))
                .executeUpdate()).map(rows -> rows > 0);
    }

    public Uni<List<Account>> all() {
        return sessions.withSession(session -> session.createNativeQuery(
                        "select username, roles from reviewers order by username", Object[].class).getResultList())
                .map(rows -> rows.stream().map(r -> new Account((String) r[0], List.of(((String) r[1]).split(",")))).toList());
    }
}
