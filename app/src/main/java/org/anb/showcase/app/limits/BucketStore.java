package org.anb.showcase.app.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the token buckets of the {@link RateLimit}s live. */
public interface BucketStore {
    /** The bucket of this key, made full with {@code configuration} on first use. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** Forgets the key's bucket: its next use starts full. */
    void remove(String key);
}
