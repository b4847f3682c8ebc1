package org.anb.showcase.app.http;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.anb.showcase.core.storage.ObjectStore;

/**
 * The URLs a browser opens to play a video or show its poster: presigned for an hour locally, CloudFront's in AWS
 * for processed media (an owner's original is always presigned: the CDN does not serve it)
 * (see {@link ObjectStore#browserUrl}). Null for an object not written yet — a video not processed, a row from before
 * posters — as the JSON contract has it.
 *
 * <p>A link is made once and reused for half its validity: a SigV4 signature per video and per poster on every
 * gallery page (40 per page) was the page's largest cost, and an unchanged page now has an unchanged body (so its
 * ETag holds). A link handed out is still valid for at least 30 minutes.
 */
public final class MediaLinks {
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final ObjectStore store;
    private final Cache<String, String> links = Caffeine.newBuilder()
            .expireAfterWrite(VALIDITY.dividedBy(2)).maximumSize(100_000).build();

    public MediaLinks(ObjectStore store) {
        this.store = store;
    }

    public String to(String key) {
        return key == null ? null : links.get(key, k -> store.browserUrl(k, VALIDITY).toString());
    }
}
