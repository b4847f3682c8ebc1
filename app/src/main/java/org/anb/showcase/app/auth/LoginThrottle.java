package org.anb.showcase.app.auth;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.helidon.config.Config;

/**
 * Slows password guessing: after {@code account-failures} failed logins for one e-mail, or {@code address-failures}
 * from one client address, within {@code window-minutes}, further attempts are refused with 429 until the window
 * refills — even with the right password. A successful login clears its account's count. Token buckets (Bucket4j)
 * in a bounded, expiring map (Caffeine); the state is per API node, so N nodes allow at most N times the budget.
 */
public final class LoginThrottle {
    private final Cache<String, Bucket> buckets;
    private final int accountFailures;
    private final int addressFailures;
    private final Duration window;

    public LoginThrottle(int accountFailures, int addressFailures, Duration window) {
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(200_000).build();
    }

    public static LoginThrottle from(Config throttle) {
        return new LoginThrottle(throttle.get("account-failures").asInt().orElse(5),
                throttle.get("address-failures").asInt().orElse(50),
                Duration.ofMinutes(throttle.get("window-minutes").asLong().orElse(15L)));
    }

    /** How long to wait before another attempt, if this account or address is out of attempts. */
    public Optional<Duration> blockedFor(String email, String address) {
        long waitNanos = Math.max(waitNanos(accountKey(email), accountFailures), waitNanos(addressKey(address), addressFailures));
        return waitNanos > 0 ? Optional.of(Duration.ofNanos(waitNanos)) : Optional.empty();
    }

    public void failed(String email, String address) {
        bucket(accountKey(email), accountFailures).tryConsume(1);
        bucket(addressKey(address), addressFailures).tryConsume(1);
    }

    public void succeeded(String email) {
        buckets.invalidate(accountKey(email));
    }

    private long waitNanos(String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null || bucket.getAvailableTokens() > 0 ? 0
                : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    private static String accountKey(String email) {
        return "account:" + email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
