package org.anb.showcase.app.http;

import java.time.Duration;

import org.anb.showcase.core.storage.ObjectStore;

/**
 * The URLs a browser opens to play a video or show its poster: presigned for an hour locally, CloudFront's in AWS
 * for processed media (an owner's original is always presigned: the CDN does not serve it)
 * (see {@link ObjectStore#browserUrl}). Null for an object not written yet — a video not processed, a row from before
 * posters — as the JSON contract has it.
 */
public final class MediaLinks {
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final ObjectStore store;

    public MediaLinks(ObjectStore store) {
        this.store = store;
    }

    public String to(String key) {
        return key == null ? null : store.browserUrl(key, VALIDITY).toString();
    }
}
