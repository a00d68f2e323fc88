package dev.leadstream.hitl.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Failed sign-ins counted per scope ({@code account} or {@code address}) and key, with the lock they led to. */
@ApplicationScoped
public class SignInFailureRepository {

    /** Where an account name and an address stand: locked now, and whether the name has failures to clear. */
    public record Standing(boolean locked, boolean accountHasFailures) {
    }

    public Uni<Standing> standing(Mutiny.Session session, String account, String address) {
        return session.createNativeQuery("""
                        select coalesce(bool_or(locked_until > now()), false), coalesce(bool_or(scope = 'account'), false)
                        from sign_in_failures
                        where (scope = 'account' and key = :account) or (scope = 'address' and key = :address)""", Object[].class)
                .setParameter("account", account).setParameter("address", address).getSingleResult()
                .map(row -> new Standing((Boolean) row[0], (Boolean) row[1]));
    }

    /** Counts one more failure, starting again when the count's window is over; answers the count. */
    public Uni<Integer> count(Mutiny.Session session, String scope, String key, Duration window) {
        return session.createNativeQuery("""
                        insert into sign_in_failures (scope, key, failures, window_started) values (:scope, :key, 1, now())
                        on conflict (scope, key) do update set
                            failures = case when sign_in_failures.window_started < now() - make_interval(secs => :window)
                                            then 1 else sign_in_failures.failures + 1 end,
                            window_started = case when sign_in_failures.window_started < now() - make_interval(secs => :window)
                                                  then now() else sign_in_failures.window_started end
                        returning failures""", Integer.class)
                .setParameter("scope", scope).setParameter("key", key).setParameter("window", window.toMillis() / 1000.0)
                .getSingleResult();
    }

    /** Locks the key for {@code lockFor}; answers until when, or empty when it was locked already. */
    public Uni<Optional<Instant>> lock(Mutiny.Session session, String scope, String key, Duration lockFor) {
        return session.createNativeQuery("""
                        update sign_in_failures set locked_until = now() + make_interval(secs => :lockFor)
                        where scope = :scope and key = :key and (locked_until is null or locked_until <= now())
                        returning locked_until""", OffsetDateTime.class)
                .setParameter("lockFor", lockFor.toMillis() / 1000.0)
                .setParameter("scope", scope).setParameter("key", key).getResultList()
                .map(until -> until.stream().findFirst().map(OffsetDateTime::toInstant));
    }

    /** Clears an account's count, unless it is locked. */
    public Uni<Void> clearAccount(Mutiny.Session session, String account) {
        return session.createNativeQuery(
                        "delete from sign_in_failures where scope = 'account' and key = :account and (locked_until is null or locked_until <= now())")
                .setParameter("account", account).executeUpdate().replaceWithVoid();
    }
}
