package org.anb.showcase.app.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Buckets in this JVM's memory: each instance would have its own budgets, renewed at every start. Only for one
 * process on its own — the unit tests of the budgets' arithmetic and the benchmark that measures what keeping them in
 * PostgreSQL costs ({@code limits.store: memory}); never behind a load balancer (decision 16).
 */
public final class InstanceBuckets implements BucketStore {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> {
            var builder = Bucket.builder();
            java.util.Arrays.stream(configuration.getBandwidths()).forEach(builder::addLimit);
            return builder.build();
        });
    }

    @Override
    public void remove(String key) {
        buckets.remove(key);
    }
}
