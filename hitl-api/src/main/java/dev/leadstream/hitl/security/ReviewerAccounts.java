package dev.leadstream.hitl.security;

import dev.leadstream.hitl.model.ReviewerAccount;
import dev.leadstream.hitl.repository.ReviewerRepository;
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

    private final Mutiny.SessionFactory sessions;
    private final ReviewerRepository reviewers;

    public ReviewerAccounts(Mutiny.SessionFactory sessions, ReviewerRepository reviewers) {
        this.sessions = sessions;
        this.reviewers = reviewers;
    }

    void firstAdmin(@Observes StartupEvent start,
                    @ConfigProperty(name = "leadstream.admin.user") Optional<String> user,
                    @ConfigProperty(name = "leadstream.admin.password") Optional<String> password) {
        if (user.isEmpty() || password.isEmpty() || password.get().isBlank()) {
            LOG.info("no LEADSTREAM_ADMIN_USER/LEADSTREAM_ADMIN_PASSWORD: no first admin is created");
            return;
        }
        String hash = Passwords.hash(password.get().toCharArray());
        boolean created = sessions.withTransaction(session -> reviewers.createFirst(session, user.get(), hash, Roles.ALL))
                .map(rows -> rows > 0).await().atMost(Duration.ofSeconds(30));
        if (created) {
            LOG.infof("created the first admin, %s", user.get());
        }
    }

    /** Creates an account; answers false when the name is taken. */
    public Uni<Boolean> create(String username, char[] password, List<String> roles) {
        String hash = Passwords.hash(password);
        return sessions.withTransaction(session -> reviewers.create(session, username, hash, roles)).map(rows -> rows > 0);
    }

    public Uni<List<ReviewerAccount>> all() {
        return sessions.withSession(reviewers::all);
    }
}
