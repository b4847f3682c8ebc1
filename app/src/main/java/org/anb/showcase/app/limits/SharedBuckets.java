package org.anb.showcase.app.limits;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
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
