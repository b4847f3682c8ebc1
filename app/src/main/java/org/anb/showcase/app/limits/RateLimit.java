package org.anb.showcase.app.limits;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per key (Bucket4j) in a bounded, expiring map (Caffeine). {@link #take} is one atomic step — the
 * check and the count cannot be raced apart — so a hundred parallel requests get no more than the budget. The state
 * is per API node: N nodes allow at most N times the budget.
 */
public final class RateLimit {
    private final Cache<String, Bucket> buckets;
    private final Bandwidth bandwidth;

    private RateLimit(Bandwidth bandwidth, Duration idleExpiry) {
        this.bandwidth = bandwidth;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idleExpiry).maximumSize(200_000).build();
    }

    /** {@code capacity} takes, refilled evenly over {@code window}. */
    public static RateLimit perWindow(int capacity, Duration window) {
        return new RateLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build(), window);
    }

    /** {@code burst} takes at once, then one more every {@code interval}: a backoff, never a long lock. */
    public static RateLimit burstThenOneEvery(int burst, Duration interval) {
        return new RateLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, interval).build(),
                interval.multipliedBy(burst));
    }

    /** Takes one from the key's budget: empty if taken, else how long until one is available. */
    public Optional<Duration> take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Returns one take (the attempt turned out not to count). */
    public void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Starts the key's budget afresh. */
    public void forget(String key) {
        buckets.invalidate(key);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(bandwidth).build());
    }
}
