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
                   String processedUrl, boolean published, String failureReason) {
    }

    record VideoDetail(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                       String originalUrl, String processedUrl, long votes, boolean published, String failureReason) {
    }

    MyVideo summary(Video video) {
        return new MyVideo(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), processedUrl(video), video.isPublished(), video.failureReason());
    }

    VideoDetail detail(Video video) {
        return new VideoDetail(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), store.browserUrl(video.originalKey(), URL_VALIDITY).toString(),
                processedUrl(video), video.votes(), video.isPublished(), video.failureReason());
    }

    private String processedUrl(Video video) {
        return video.processedKey() == null ? null : store.browserUrl(video.processedKey(), URL_VALIDITY).toString();
    }
}
