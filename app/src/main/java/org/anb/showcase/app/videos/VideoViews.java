package org.anb.showcase.app.videos;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.anb.showcase.core.storage.ObjectStore;

/** The owner-side JSON shapes of SPEC.md, with URLs a browser can open. */
final class VideoViews {
    private static final Duration URL_VALIDITY = Duration.ofHours(1);

    private final ObjectStore store;

    VideoViews(ObjectStore store) {
        this.store = store;
    }

    record MyVideo(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                   String processedUrl, String posterUrl, boolean published, String failureReason) {
    }

    record VideoDetail(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                       String originalUrl, String processedUrl, String posterUrl, long votes, boolean published,
                       String failureReason) {
    }

    MyVideo summary(Video video) {
        return new MyVideo(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), browserUrl(video.processedKey()), browserUrl(video.posterKey()), video.isPublished(),
                video.failureReason());
    }

    VideoDetail detail(Video video) {
        return new VideoDetail(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), store.browserUrl(video.originalKey(), URL_VALIDITY).toString(),
                browserUrl(video.processedKey()), browserUrl(video.posterKey()), video.votes(), video.isPublished(),
                video.failureReason());
    }

    /** Null until the worker has written the object (processed video and poster). */
    private String browserUrl(String key) {
        return key == null ? null : store.browserUrl(key, URL_VALIDITY).toString();
    }
}
