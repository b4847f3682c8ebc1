package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import org.anb.showcase.app.http.ServerBusyException;

/**
 * bcrypt through at.favre's library, on a bounded pool of platform threads (see {@link #awaitTurn}: a CPU-bound hash
 * on a virtual thread would hold one of the few carriers every request needs). The cost comes
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
    private final ExecutorService pool;
    private final Semaphore threads;
    private final int queue;
    private final AtomicInteger waiting = new AtomicInteger();
    private final long maxWaitNanos;
    /** Every password compared with a stored hash (or the dummy one): what the login throttle budgets. */
    private final Counter checks = Metrics.globalRegistry().getOrCreate(Counter.builder("anb_api_password_checks")
            .description("Passwords compared with a stored hash"));

    /**
     * @param threads hashes computed at once (the cores: bcrypt is pure CPU)
     * @param queue   hashes that may wait for a thread; past them a request is refused at once with 503
     * @param maxWait how long one may wait; past it, 503
     */
    public PasswordHasher(int cost, int threads, int queue, Duration maxWait) {
        this.cost = cost;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("bcrypt-", 0).daemon().factory());
        this.threads = new Semaphore(threads, true);
        this.queue = queue;
        this.maxWaitNanos = maxWait.toNanos();
        this.dummyHash = BCrypt.withDefaults().hashToString(cost, "timing-equaliser-not-a-password".toCharArray());
    }

    public static PasswordHasher from(Config auth) {
        return new PasswordHasher(auth.get("bcrypt-cost").asInt().orElse(10),
                auth.get("hash-threads").asInt().orElse(Runtime.getRuntime().availableProcessors()),
                auth.get("hash-queue").asInt().orElse(256),
                Duration.ofMillis(auth.get("hash-wait-ms").asLong().orElse(500L)));
    }

    public String hash(String password) {
        try (Turn turn = awaitTurn()) {
            return turn.hash(password);
        }
    }

    /** Whether the password is the hashed one; false, after the same work, for one bcrypt cannot take. */
    public boolean matches(String password, String hash) {
        try (Turn turn = awaitTurn()) {
            return turn.matches(password, hash);
        }
    }

    /** Hashes waiting for a thread now. */
    int waiting() {
        return waiting.get();
    }

    <T> T onPool(Callable<T> work) {
        try (Turn turn = awaitTurn()) {
            return turn.run(work);
        }
    }

    /**
     * Waits for a turn at the hashing threads: at most {@code threads} turns at once, first come first served; at
     * most {@code queue} waiting, each at most {@code maxWait}; past either, 503 with Retry-After. Under a login
     * flood the accepted ones finish within about {@code maxWait} plus a hash, and nobody waits until their client
     * times out. The wait is bounded in time, not only in places, because a refused client that asks again at once
     * takes CPU from the hashing itself (decision 14). Take the turn before other work a refused request need not
     * do (the login's database lookup).
     */
    public Turn awaitTurn() {
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            throw new ServerBusyException();
        }
        boolean admitted;
        try {
            admitted = threads.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusyException();
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            throw new ServerBusyException();
        }
        return new Turn();
    }

    /** One request's turn at the hashing threads: its hashes run on the pool until it is closed. */
    public final class Turn implements AutoCloseable {
        private boolean closed;

        private Turn() {
        }

        public String hash(String password) {
            return run(() -> BCrypt.withDefaults().hashToString(cost, password.toCharArray()));
        }

        /** Whether the password is the hashed one; false, after the same work, for one bcrypt cannot take. */
        public boolean matches(String password, String hash) {
            checks.increment();
            boolean verified = run(() -> BCrypt.verifyer().verify(checkable(password), hash).verified);
            return verified && !tooLong(password);
        }

        /** Burns the same time as {@link #matches} so callers can hide whether an account exists; always false. */
        public boolean matchNothing(String password) {
            checks.increment();
            run(() -> BCrypt.verifyer().verify(checkable(password), dummyHash));
            return false;
        }

        <T> T run(Callable<T> work) {
            Future<T> result = pool.submit(work);
            try {
                return result.get();
            } catch (InterruptedException e) {
                result.cancel(true);
                Thread.currentThread().interrupt();
                throw new ServerBusyException();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                threads.release();
            }
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
