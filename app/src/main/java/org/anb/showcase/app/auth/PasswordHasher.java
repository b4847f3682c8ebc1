package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.helidon.config.Config;
import org.anb.showcase.app.http.ServerBusyException;

/**
 * bcrypt through at.favre's library, on a bounded pool of platform threads (see {@link #onPool}). The cost comes
 * from configuration ({@code auth.bcrypt-cost}, default 10: about 50–80 ms per hash on one core here, see
 * docs/benchmarks.md). A dummy hash made at the same cost lets a login for an unknown e-mail spend the same time as
 * a wrong password.
 */
public final class PasswordHasher {
    /** bcrypt reads at most 72 bytes of a password; longer ones are refused at signup rather than cut silently. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final String OVERLONG_STAND_IN = "a password over 72 bytes is never stored";

    private final int cost;
    private final String dummyHash;
    private final ThreadPoolExecutor workers;

    /**
     * @param threads hashes computed at once (the cores: bcrypt is pure CPU)
     * @param queue   hashes that may wait for a thread; past them a request is refused at once with 503
     */
    public PasswordHasher(int cost, int threads, int queue) {
        this.cost = cost;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().name("bcrypt-", 0).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
        this.dummyHash = BCrypt.withDefaults().hashToString(cost, "timing-equaliser-not-a-password".toCharArray());
    }

    public static PasswordHasher from(Config auth) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new PasswordHasher(auth.get("bcrypt-cost").asInt().orElse(10),
                auth.get("hash-threads").asInt().orElse(cores), auth.get("hash-queue").asInt().orElse(4 * cores));
    }

    public String hash(String password) {
        return onPool(() -> BCrypt.withDefaults().hashToString(cost, password.toCharArray()));
    }

    /** Whether the password is the hashed one; false, after the same work, for one bcrypt cannot take. */
    public boolean matches(String password, String hash) {
        boolean verified = onPool(() -> BCrypt.verifyer().verify(checkable(password), hash).verified);
        return verified && !tooLong(password);
    }

    /** Burns the same time as {@link #matches} so callers can hide whether an account exists; always false. */
    public boolean matchNothing(String password) {
        onPool(() -> BCrypt.verifyer().verify(checkable(password), dummyHash));
        return false;
    }

    /**
     * Runs a hash on the bounded pool: at most {@code threads} at once, {@code queue} waiting, and anything past
     * that shed with 503 at once — under a login flood, answers stay fast and the accepted ones finish in time,
     * instead of every request queueing behind the CPU until clients time out.
     */
    /** Hashes waiting for a thread now. */
    int waiting() {
        return workers.getQueue().size();
    }

    <T> T onPool(Callable<T> work) {
        Future<T> result;
        try {
            result = workers.submit(work);
        } catch (RejectedExecutionException e) {
            throw new ServerBusyException();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ServerBusyException();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
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
