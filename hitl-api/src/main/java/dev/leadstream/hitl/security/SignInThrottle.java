package dev.leadstream.hitl.security;

import dev.leadstream.topics.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed sign-ins per account name and per source address, kept in PostgreSQL so every replica
 * sees the same counts and locks. A new lock is written to the audit trail in the same
 * transaction as the failure that caused it.
 */
@ApplicationScoped
public class SignInThrottle {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    private final Mutiny.SessionFactory sessions;
    private final SignInPolicy policy;

    public SignInThrottle(Mutiny.SessionFactory sessions, SignInPolicy policy) {
        this.sessions = sessions;
        this.policy = policy;
    }

    /** Where an account name and an address stand: locked now, and whether the name has failures to clear. */
    public record Standing(boolean locked, boolean accountHasFailures) {
    }

    public Uni<Standing> standing(String account, String address) {
        return sessions.withSession(session -> session.createNativeQuery("""
                        select coalesce(bool_or(locked_until > now()), false), coalesce(bool_or(scope = 'account'), false)
                        from sign_in_failures
                        where (scope = 'account' and key = :account) or (scope = 'address' and key = :address)""", Object[].class)
                .setParameter("account", account).setParameter("address", address).getSingleResult())
                .map(row -> new Standing((Boolean) row[0], (Boolean) row[1]));
    }

    /** Counts a failure against both; answers how long to hold the refusal back. */
    public Uni<Duration> failed(String account, String address) {
        return sessions.withTransaction(session -> count(session, ACCOUNT, account, policy.lockAfter())
                .chain(accountFailures -> count(session, ADDRESS, address, policy.addressLockAfter())
                        .map(addressFailures -> policy.delayAfter(Math.max(accountFailures, addressFailures)))));
    }

    /** A right password clears the account's count; the address keeps its own, so one good account cannot reset it. */
    public Uni<Void> succeeded(String account) {
        return sessions.withTransaction(session -> session.createNativeQuery(
                        "delete from sign_in_failures where scope = 'account' and key = :account and (locked_until is null or locked_until <= now())")
                .setParameter("account", account).executeUpdate()).replaceWithVoid();
    }

    private Uni<Integer> count(Mutiny.Session session, String scope, String key, int lockAfter) {
        double window = policy.window().toMillis() / 1000.0;
        return session.createNativeQuery("""
                        insert into sign_in_failures (scope, key, failures, window_started) values (:scope, :key, 1, now())
                        on conflict (scope, key) do update set
                            failures = case when sign_in_failures.window_started < now() - make_interval(secs => :window)
                                            then 1 else sign_in_failures.failures + 1 end,
                            window_started = case when sign_in_failures.window_started < now() - make_interval(secs => :window)
                                                  then now() else sign_in_failures.window_started end
                        returning failures""", Integer.class)
                .setParameter("scope", scope).setParameter("key", key).setParameter("window", window).getSingleResult()
                .call(failures -> failures >= lockAfter ? lock(session, scope, key, failures) : Uni.createFrom().voidItem());
    }

    private Uni<Void> lock(Mutiny.Session session, String scope, String key, int failures) {
        return session.createNativeQuery("""
                        update sign_in_failures set locked_until = now() + make_interval(secs => :lockFor)
                        where scope = :scope and key = :key and (locked_until is null or locked_until <= now())
                        returning locked_until""", OffsetDateTime.class)
                .setParameter("lockFor", policy.lockFor().toMillis() / 1000.0)
                .setParameter("scope", scope).setParameter("key", key).getResultList()
                .chain(until -> until.isEmpty() ? Uni.createFrom().voidItem() : audit(session, scope, key, failures, until));
    }

    private Uni<Void> audit(Mutiny.Session session, String scope, String key, int failures, List<OffsetDateTime> until) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("scope", scope);
        detail.put("failures", failures);
        detail.put("lockedUntil", until.getFirst().toInstant().toString());
        return session.createNativeQuery("""
                        insert into agent_actions (id, at, actor, type, lead_id, subject_id, detail)
                        values (:id, now(), 'hitl-api', 'sign-in.locked', null, :subject, cast(cast(:detail as text) as jsonb))
                        on conflict (id) do nothing""")
                .setParameter("id", "sign-in-lock:" + scope + ":" + key + ":" + until.getFirst().toInstant().toEpochMilli())
                .setParameter("subject", scope + ":" + key).setParameter("detail", EventJson.toJson(detail))
                .executeUpdate().replaceWithVoid();
    }
}
