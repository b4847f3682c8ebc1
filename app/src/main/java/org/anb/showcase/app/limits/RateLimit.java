package org.anb.showcase.app.limits;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One named budget: a token bucket per key (Bucket4j) in a {@link BucketStore}. {@link #take} is one atomic step —
 * the check and the count cannot be raced apart — so a hundred parallel requests get no more than the budget. With
 * {@link SharedBuckets} the budget is the deployment's, whatever the number of API instances.
 */
public final class RateLimit {
    private final String name;
    private final BucketStore store;
    private final BucketConfiguration configuration;

    private RateLimit(String name, BucketStore store, Bandwidth bandwidth) {
        this.name = name;
        this.store = store;
        this.configuration = BucketConfiguration.builder().addLimit(bandwidth).build();
    }

    /** {@code capacity} takes, refilled evenly over {@code window}. */
    public static RateLimit perWindow(String name, BucketStore store, int capacity, Duration window) {
        return new RateLimit(name, store, Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build());
    }

    /** {@code burst} takes at once, then one more every {@code interval}: a backoff, never a long lock. */
    public static RateLimit burstThenOneEvery(String name, BucketStore store, int burst, Duration interval) {
        return new RateLimit(name, store, Bandwidth.builder().capacity(burst).refillGreedy(1, interval).build());
    }

    /** Takes one from the key's budget: empty if taken, else how long until one is available. */
    public Optional<Duration> take(String key) {
        ConsumptionProbe probe = store.use(keyOf(key), configuration, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Returns one take (the attempt turned out not to count). */
    public void giveBack(String key) {
        store.use(keyOf(key), configuration, bucket -> {
            bucket.addTokens(1);
            return null;
        });
    }

    /** Starts the key's budget afresh. */
    public void forget(String key) {
        store.remove(keyOf(key));
    }

    private String keyOf(String key) {
        return name + ":" + key;
    }
}
