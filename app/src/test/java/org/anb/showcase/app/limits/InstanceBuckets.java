package org.anb.showcase.app.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Buckets in this JVM's memory, for unit tests of the budgets' arithmetic; the API keeps them in PostgreSQL. */
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
