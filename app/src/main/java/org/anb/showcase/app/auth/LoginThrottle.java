package org.anb.showcase.app.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.helidon.config.Config;
import org.anb.showcase.app.http.TooManyRequestsException;
import org.anb.showcase.app.limits.BucketStore;
import org.anb.showcase.app.limits.RateLimit;

/**
 * Slows password guessing without letting a guesser lock the owner out. Every attempt takes from three budgets
 * <em>before</em> the password is checked, so parallel guesses get no more checks than serial ones:
 * <ul>
 *   <li>this account from this client: {@code account-client-failures} (5) per {@code window-minutes} (15);</li>
 *   <li>this client, whatever the account: {@code client-failures} (50) per window;</li>
 *   <li>this account from anywhere: a burst of {@code account-failures} (20), then one attempt every
 *       {@code account-backoff-seconds} (10) — a backoff, so guessing from many addresses slows to a crawl while the
 *       owner waits seconds, never the whole window.</li>
 * </ul>
 * A successful login gives its takes back and clears its account-and-client budget. Clients are keyed by
 * {@link org.anb.showcase.app.limits.ClientAddresses} (IPv6 by /64). In production the budgets live in PostgreSQL
 * ({@link org.anb.showcase.app.limits.SharedBuckets}): every API instance spends the same ones.
 */
public final class LoginThrottle {
    private final RateLimit accountFromClient;
    private final RateLimit client;
    private final RateLimit account;

    public LoginThrottle(BucketStore store, int accountClientFailures, int clientFailures, Duration window,
                         int accountFailures, Duration accountBackoff) {
        this.accountFromClient = RateLimit.perWindow("login-account-client", store, accountClientFailures, window);
        this.client = RateLimit.perWindow("login-client", store, clientFailures, window);
        this.account = RateLimit.burstThenOneEvery("login-account", store, accountFailures, accountBackoff);
    }

    public static LoginThrottle from(Config throttle, BucketStore store) {
        return new LoginThrottle(store, throttle.get("account-client-failures").asInt().orElse(5),
                throttle.get("client-failures").asInt().orElse(50),
                // window-seconds, when set, for a window shorter than a minute (tests of the refill)
                throttle.get("window-seconds").asLong().map(Duration::ofSeconds)
                        .orElseGet(() -> Duration.ofMinutes(throttle.get("window-minutes").asLong().orElse(15L))),
                throttle.get("account-failures").asInt().orElse(20),
                Duration.ofSeconds(throttle.get("account-backoff-seconds").asLong().orElse(10L)));
    }

    /**
     * Takes this attempt from every budget, or takes nothing and throws 429 with the longest wait.
     *
     * @return the attempt, to report as {@link Attempt#succeeded()} if the password was right
     */
    public Attempt begin(String email, String clientKey) {
        String accountKey = EmailKey.of(email);
        List<Take> takes = List.of(new Take(accountFromClient, accountKey + " " + clientKey),
                new Take(client, clientKey), new Take(account, accountKey));
        List<Take> taken = new ArrayList<>();
        for (Take take : takes) {
            Optional<Duration> wait = take.limit().take(take.key());
            if (wait.isPresent()) {
                taken.forEach(Take::giveBack);
                throw TooManyRequestsException.failedLogins(wait.get());
            }
            taken.add(take);
        }
        return new Attempt(takes);
    }

    private record Take(RateLimit limit, String key) {
        void giveBack() {
            limit.giveBack(key);
        }
    }

    /** One login attempt that has been counted. */
    public static final class Attempt {
        private final List<Take> takes;

        private Attempt(List<Take> takes) {
            this.takes = takes;
        }

        /** The right password: this attempt does not count, and the account may fail afresh from this client. */
        public void succeeded() {
            takes.getFirst().limit().forget(takes.getFirst().key());
            takes.subList(1, takes.size()).forEach(Take::giveBack);
        }

        /** No password was checked (a failure of ours): the attempt does not count. */
        public void notChecked() {
            takes.forEach(Take::giveBack);
        }
    }
}
