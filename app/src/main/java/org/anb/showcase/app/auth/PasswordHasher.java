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

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("timing-equaliser-not-a-password");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Burns the same time as {@link #matches} so callers can hide whether an account exists; always false. */
    public boolean matchNothing(String password) {
        BCrypt.verifyer().verify(password.toCharArray(), dummyHash);
        return false;
    }
}
