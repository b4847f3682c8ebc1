package org.anb.showcase.app.videos;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.ranking.RankingRepository;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.video.VideoStatus;

/** Reading, deleting and publishing a player's own videos; every call checks that the caller owns the video. */
final class VideoService {
    private final RankingRepository rankings;
    private final VideoRepository videos;
    private final VideoViews views;
    private final UploadService uploads;

    VideoService(VideoRepository videos, VideoViews views, UploadService uploads, RankingRepository rankings) {
        this.rankings = rankings;
        this.videos = videos;
        this.views = views;
        this.uploads = uploads;
    }

    /** The owner's videos, each with the owner's standing in the rankings (one read: it is the player's). */
    List<VideoViews.MyVideo> listMine(UUID owner) {
        List<Video> mine = videos.listByOwner(owner);
        Optional<RankingRepository.Standing> standing = mine.stream().anyMatch(Video::isPublished)
                ? rankings.standing(owner) : Optional.empty();
        return mine.stream().map(video -> views.summary(video, standing)).toList();
    }

    VideoViews.VideoDetail detail(UUID owner, UUID videoId) {
        return views.detail(owned(owner, videoId));
    }

    void delete(UUID owner, UUID videoId) {
        Video video = owned(owner, videoId);
        if (!videos.deleteUnvoted(videoId, owner)) {
            throw ApiException.badRequest("El video no puede eliminarse porque ya tiene votos.");
        }
        uploads.discardObject(video.originalKey());
        uploads.discardObject(ObjectKeys.processed(videoId));
        uploads.discardObject(ObjectKeys.poster(videoId));
    }

    /** Publishes the video, or queues it for a moderator's approval or a minor's guardian; answers which. */
    VideoRepository.Publication publish(UUID owner, UUID videoId) {
        Video video = owned(owner, videoId);
        if (video.status() != VideoStatus.PROCESSED) {
            throw ApiException.badRequest("Solo se pueden publicar videos ya procesados.");
        }
        if (video.isDisqualified()) {
            throw new ApiException(409, "El video fue descalificado: puedes apelar la decisión.");
        }
        return videos.publish(videoId, owner).orElseThrow(ApiException::videoNotFound);
    }

    private Video owned(UUID owner, UUID videoId) {
        Video video = videos.find(videoId).orElseThrow(ApiException::videoNotFound);
        if (!video.ownerId().equals(owner)) {
            throw ApiException.forbidden();
        }
        return video;
    }
}
