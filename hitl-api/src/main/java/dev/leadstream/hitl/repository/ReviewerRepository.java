package dev.leadstream.hitl.repository;

import dev.leadstream.hitl.model.ReviewerAccount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Arrays;
import java.util.List;

/** The built-in reviewer accounts: name, password hash and roles (kept comma-separated). */
@ApplicationScoped
public class ReviewerRepository {

    /** What a sign-in is checked against. */
    public record Credentials(String passwordHash, List<String> roles) {
    }

    /** Creates the account only when there is no account at all; answers how many rows were written. */
    public Uni<Integer> createFirst(Mutiny.Session session, String username, String passwordHash, List<String> roles) {
        return session.createNativeQuery("""
                        insert into reviewers (username, password_hash, roles)
                        select :name, :hash, :roles where not exists (select 1 from reviewers)""")
                .setParameter("name", username).setParameter("hash", passwordHash)
                .setParameter("roles", String.join(",", roles)).executeUpdate();
    }

    /** Creates the account unless the name is taken; answers how many rows were written. */
    public Uni<Integer> create(Mutiny.Session session, String username, String passwordHash, List<String> roles) {
        return session.createNativeQuery("""
                        insert into reviewers (username, password_hash, roles) values (:name, :hash, :roles)
                        on conflict (username) do nothing""")
                .setParameter("name", username).setParameter("hash", passwordHash)
                .setParameter("roles", String.join(",", roles)).executeUpdate();
    }

    public Uni<List<ReviewerAccount>> all(Mutiny.Session session) {
        return session.createNativeQuery("select username, roles from reviewers order by username", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new ReviewerAccount((String) r[0], roles((String) r[1]))).toList());
    }

    /** The account's credentials, or null when there is no such account. */
    public Uni<Credentials> credentials(Mutiny.Session session, String username) {
        return session.createNativeQuery("select password_hash, roles from reviewers where username = :name", Object[].class)
                .setParameter("name", username).getResultList()
                .map(rows -> rows.isEmpty() ? null : new Credentials((String) rows.getFirst()[0], roles((String) rows.getFirst()[1])));
    }

    static List<String> roles(String stored) {
        return Arrays.stream(stored.split(",")).map(String::trim).toList();
    }
}
