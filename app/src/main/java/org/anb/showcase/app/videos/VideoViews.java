package org.anb.showcase.app.videos;

import java.time.Instant;
import java.util.UUID;

import org.anb.showcase.app.http.MediaLinks;

/** The owner-side JSON shapes of SPEC.md, with URLs a browser can open. */
final class VideoViews {
    private final MediaLinks links;

    VideoViews(MediaLinks links) {
        this.links = links;
    }

    record MyVideo(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                   String processedUrl, String posterUrl, boolean published, String failureReason, long votes,
                   long heldVotes, boolean disqualified, String disqualificationReason, String appeal) {
    }

    record VideoDetail(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                       String originalUrl, String processedUrl, String posterUrl, long votes, long heldVotes, boolean published,
                       String failureReason, boolean disqualified, String disqualificationReason, String appeal) {
    }

    MyVideo summary(Video video) {
        return new MyVideo(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), links.to(video.processedKey()), links.to(video.posterKey()), video.isPublished(),
                video.failureReason(), video.votes(), video.heldVotes(), video.isDisqualified(), video.disqualificationReason(),
                video.appealStatus());
    }

    VideoDetail detail(Video video) {
        return new VideoDetail(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), links.to(video.originalKey()),
                links.to(video.processedKey()), links.to(video.posterKey()), video.votes(), video.heldVotes(),
                video.isPublished(),
                video.failureReason(), video.isDisqualified(), video.disqualificationReason(), video.appealStatus());
    }
}
