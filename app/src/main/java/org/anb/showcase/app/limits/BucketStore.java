package org.anb.showcase.app.limits;

import java.util.function.Function;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the token buckets of the {@link RateLimit}s live. */
public interface BucketStore extends AutoCloseable {
    /** The bucket of this key, made full with {@code configuration} on first use. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** Does {@code step} to the key's bucket: one take, or one given back. */
    default <T> T use(String key, BucketConfiguration configuration, Function<Bucket, T> step) {
        return step.apply(bucket(key, configuration));
    }

    /** Forgets the key's bucket: its next use starts full. */
    void remove(String key);

    @Override
    default void close() {
    }

    /**
     * The deployment's store ({@code limits.store}: {@code postgresql}, the default), or this process's memory
     * ({@code memory}: one instance on its own only, to measure the difference).
     */
    static BucketStore from(io.helidon.config.Config limits, javax.sql.DataSource pool) {
        if ("memory".equals(limits.get("store").asString().orElse("postgresql"))) {
            System.getLogger(BucketStore.class.getName()).log(System.Logger.Level.WARNING,
                    "limits.store=memory: budgets are this instance's own and start again at every restart");
            return new InstanceBuckets();
        }
        return new SharedBuckets(pool);
    }
}
