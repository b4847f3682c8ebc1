package org.anb.showcase.app.videos;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.anb.showcase.app.http.MediaLinks;
import org.anb.showcase.app.ranking.RankingRepository.Standing;

/** The owner-side JSON shapes of SPEC.md, with URLs a browser can open. */
final class VideoViews {
    private final MediaLinks links;

    VideoViews(MediaLinks links) {
        this.links = links;
    }

    /** {@code rank}/{@code cityRank}: the player's positions, null until this video is published. */
    record MyVideo(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                   String processedUrl, String posterUrl, boolean published, String failureReason, long votes,
                   long heldVotes, Long rank, Long cityRank, BigDecimal startSeconds, boolean disqualified,
                   String disqualificationReason, String appeal) {
    }

    record VideoDetail(UUID videoId, String title, String status, Instant uploadedAt, Instant processedAt,
                       String originalUrl, String processedUrl, String posterUrl, long votes, long heldVotes, boolean published,
                       BigDecimal startSeconds, String failureReason, boolean disqualified, String disqualificationReason,
                       String appeal) {
    }

    MyVideo summary(Video video, Optional<Standing> standing) {
        Optional<Standing> shown = video.isPublished() ? standing : Optional.empty();
        return new MyVideo(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), links.to(video.processedKey()), links.to(video.posterKey()), video.isPublished(),
                video.failureReason(), video.votes(), video.heldVotes(), shown.map(Standing::rank).orElse(null),
                shown.map(Standing::cityRank).orElse(null), video.startSeconds(), video.isDisqualified(),
                video.disqualificationReason(), video.appealStatus());
    }

    VideoDetail detail(Video video) {
        return new VideoDetail(video.id(), video.title(), video.status().dbValue(), video.uploadedAt(),
                video.processedAt(), links.to(video.originalKey()),
                links.to(video.processedKey()), links.to(video.posterKey()), video.votes(), video.heldVotes(),
                video.isPublished(), video.startSeconds(),
                video.failureReason(), video.isDisqualified(), video.disqualificationReason(), video.appealStatus());
    }
}
