package org.anb.showcase.app.gallery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.http.MediaLinks;
import org.anb.showcase.app.ranking.RankingRepository;
import org.anb.showcase.app.ranking.RankingRepository.Standing;

/**
 * The public view of one video and of one player, for the JSON endpoints and the share pages alike: the gallery's
 * rows, with the player's standing read from the ranking's own table ({@link RankingRepository#standing}), never
 * counted a second way.
 */
public final class PublicProfiles {
    private final GalleryRepository gallery;
    private final RankingRepository rankings;
    private final MediaLinks links;
    private final CurrentEdition edition;

    public PublicProfiles(GalleryRepository gallery, RankingRepository rankings, MediaLinks links,
                          CurrentEdition edition) {
        this.gallery = gallery;
        this.rankings = rankings;
        this.links = links;
        this.edition = edition;
    }

    /** {@code rank}/{@code cityRank}: the player's positions; {@code votes}: the video's (null while hidden). */
    public record VideoProfile(UUID videoId, String title, UUID playerId, String playerName, String city,
                               String processedUrl, String posterUrl, Long votes, Long rank, Long cityRank,
                               boolean voted) {
    }

    /** {@code votes}: the player's total on published videos (null while hidden); {@code videos} newest first. */
    public record PlayerProfile(UUID playerId, String playerName, String city, Long rank, Long cityRank, Long votes,
                                List<PublicVideo> videos) {
    }

    /** Empty for an unknown, unpublished or disqualified video. */
    public Optional<VideoProfile> video(UUID videoId, Optional<UUID> viewer) {
        boolean hidden = edition.publicCounts().hidden();
        return gallery.published(videoId, viewer).map(v -> {
            Optional<Standing> standing = rankings.standing(v.playerId());
            return new VideoProfile(v.id(), v.title(), v.playerId(), v.playerName(), v.city(),
                    links.to(v.processedKey()), links.to(v.posterKey()), hidden ? null : v.votes(),
                    standing.map(Standing::rank).orElse(null), standing.map(Standing::cityRank).orElse(null),
                    v.voted());
        });
    }

    /** Empty for an unknown player or one with nothing published. */
    public Optional<PlayerProfile> player(UUID playerId, Optional<UUID> viewer) {
        boolean hidden = edition.publicCounts().hidden();
        List<GalleryRepository.PublishedVideo> videos = gallery.publishedBy(playerId, viewer);
        if (videos.isEmpty()) {
            return Optional.empty();
        }
        var first = videos.getFirst();
        Optional<Standing> standing = rankings.standing(playerId);
        return Optional.of(new PlayerProfile(playerId, first.playerName(), first.city(),
                standing.map(Standing::rank).orElse(null), standing.map(Standing::cityRank).orElse(null),
                hidden ? null : standing.map(Standing::votes).orElse(0L),
                videos.stream().map(v -> item(v, hidden)).toList()));
    }

    /** A gallery row as the public sees it. */
    public PublicVideo item(GalleryRepository.PublishedVideo v, boolean countsHidden) {
        return new PublicVideo(v.id(), v.title(), v.playerId(), v.playerName(), v.city(), links.to(v.processedKey()),
                links.to(v.posterKey()), countsHidden ? null : v.votes(), v.voted());
    }
}
