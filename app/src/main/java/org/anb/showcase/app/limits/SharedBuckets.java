package org.anb.showcase.app.limits;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_buckets}, Bucket4j's PostgreSQL module over the API's own pool): every
 * API instance takes from the same budget and a restart or a scale-out brings no fresh one. A take is one short
 * transaction holding the key's row lock ({@code SELECT ... FOR UPDATE}); Bucket4j's advisory-lock variant was
 * rejected because it needs numeric keys and ours are e-mails and addresses. Each key's proxy is kept a while with
 * Bucket4j's batching, so parallel takes of one key on one instance share one round trip instead of queueing on
 * the row. Rows are swept once they would be full again anyway.
 */
public final class SharedBuckets implements BucketStore {
    private static final Logger LOG = Logger.getLogger(SharedBuckets.class.getName());
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Cache<String, Bucket> proxies = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1)).maximumSize(100_000).build();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("rate-limit-sweeper").daemon().factory());

    public SharedBuckets(DataSource pool) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(3))
                .build();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return proxies.get(key, k -> buckets.builder().withOptimization(Optimizations.batching())
                .build(k, () -> configuration));
    }

    /**
     * Bucket4j's batching cannot create a bucket: when parallel takes of a key whose row does not exist yet (a new
     * client, or a budget just forgotten or swept) meet in one batch, the whole batch fails with "bucket not found"
     * instead of creating it — seen as 500s on parallel sign-ups over two instances. That step is done again without
     * batching, which creates the row (insert-if-absent, then the row lock); later takes batch as before.
     */
    @Override
    public <T> T use(String key, BucketConfiguration configuration, Function<Bucket, T> step) {
        try {
            return step.apply(bucket(key, configuration));
        } catch (RuntimeException e) {
            if (!bucketNotFound(e)) {
                throw e;
            }
            return step.apply(buckets.builder().build(key, () -> configuration));
        }
    }

    private static boolean bucketNotFound(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void remove(String key) {
        buckets.removeProxy(key);
    }

    private void sweep() {
        try {
            while (buckets.removeExpired(SWEEP_BATCH) == SWEEP_BATCH) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "rate-limit sweep skipped: " + e); // the database is down; the next sweep catches up
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
