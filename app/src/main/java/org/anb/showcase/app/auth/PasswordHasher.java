package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * bcrypt through at.favre's library. The cost comes from configuration ({@code auth.bcrypt-cost}, default 10:
 * about 50–80 ms per hash on one core here, see docs/benchmarks.md). A dummy hash made at the same cost lets a login
 * for an unknown e-mail spend the same time as a wrong password.
 */
public final class PasswordHasher {
    /** bcrypt reads at most 72 bytes of a password; longer ones are refused at signup rather than cut silently. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final String OVERLONG_STAND_IN = "a password over 72 bytes is never stored";

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("timing-equaliser-not-a-password");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether the password is the hashed one; false, after the same work, for one bcrypt cannot take. */
    public boolean matches(String password, String hash) {
        boolean verified = BCrypt.verifyer().verify(checkable(password), hash).verified;
        return verified && !tooLong(password);
    }

    /** Burns the same time as {@link #matches} so callers can hide whether an account exists; always false. */
    public boolean matchNothing(String password) {
        BCrypt.verifyer().verify(checkable(password), dummyHash);
        return false;
    }

    /**
     * The password, or for one over 72 bytes (which bcrypt refuses, and sign-up never accepted) a stand-in of the
     * same cost to check, so such a login is a 401 after the usual work, never a 500 or a fast answer.
     */
    private static char[] checkable(String password) {
        return (tooLong(password) ? OVERLONG_STAND_IN : password).toCharArray();
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
