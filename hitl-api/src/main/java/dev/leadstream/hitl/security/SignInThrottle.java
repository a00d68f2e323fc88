package dev.leadstream.hitl.security;

import dev.leadstream.hitl.repository.AuditRepository;
import dev.leadstream.hitl.repository.SignInFailureRepository;
import dev.leadstream.hitl.repository.SignInFailureRepository.Standing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.util.LinkedHashMap;
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
    private final SignInFailureRepository failures;
    private final AuditRepository audit;
    private final SignInPolicy policy;

    public SignInThrottle(Mutiny.SessionFactory sessions, SignInFailureRepository failures, AuditRepository audit,
                          SignInPolicy policy) {
        this.sessions = sessions;
        this.failures = failures;
        this.audit = audit;
        this.policy = policy;
    }

    public Uni<Standing> standing(String account, String address) {
        return sessions.withSession(session -> failures.standing(session, account, address));
    }

    /** Counts a failure against both; answers how long to hold the refusal back. */
    public Uni<Duration> failed(String account, String address) {
        return sessions.withTransaction(session -> count(session, ACCOUNT, account, policy.lockAfter())
                .chain(accountFailures -> count(session, ADDRESS, address, policy.addressLockAfter())
                        .map(addressFailures -> policy.delayAfter(Math.max(accountFailures, addressFailures)))));
    }

    /** A right password clears the account's count; the address keeps its own, so one good account cannot reset it. */
    public Uni<Void> succeeded(String account) {
        return sessions.withTransaction(session -> failures.clearAccount(session, account));
    }

    private Uni<Integer> count(Mutiny.Session session, String scope, String key, int lockAfter) {
        return failures.count(session, scope, key, policy.window())
                .call(count -> count >= lockAfter ? lock(session, scope, key, count) : Uni.createFrom().voidItem());
    }

    /** A new lock goes into the audit trail with the failure that caused it. */
    private Uni<Void> lock(Mutiny.Session session, String scope, String key, int count) {
        return failures.lock(session, scope, key, policy.lockFor()).chain(until -> {
            if (until.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("scope", scope);
            detail.put("failures", count);
            detail.put("lockedUntil", until.get().toString());
            return audit.serviceAction(session, "sign-in-lock:" + scope + ":" + key + ":" + until.get().toEpochMilli(),
                    "sign-in.locked", scope + ":" + key, detail).replaceWithVoid();
        });
    }
}
