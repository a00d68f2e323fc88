package dev.leadstream.hitl.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Checks a password against an account's stored hash, and against a dummy hash of the same cost
 * when there is no such account, so an unknown name takes as long to refuse as a wrong password
 * and the answer's timing does not tell which names exist.
 */
public final class PasswordCheck {

    private final BiPredicate<char[], String> matcher;
    private final String dummyHash;

    public PasswordCheck(BiPredicate<char[], String> matcher, String dummyHash) {
        this.matcher = matcher;
        this.dummyHash = dummyHash;
    }

    /** PBKDF2 as {@link Passwords} stores it; the dummy hash is of a random password nobody knows. */
    public static PasswordCheck pbkdf2() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new PasswordCheck(Passwords::matches, Passwords.hash(Base64.getEncoder().encodeToString(secret).toCharArray()));
    }

    /** True only when there is an account and the password matches its hash; the hash is computed either way. */
    public boolean matches(char[] password, Optional<String> storedHash) {
        boolean matched = matcher.test(password, storedHash.orElse(dummyHash));
        return storedHash.isPresent() && matched;
    }

    String dummyHash() {
        return dummyHash;
    }
}
