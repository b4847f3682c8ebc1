package org.anb.showcase.app.gallery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/** Published videos and votes: all of their SQL. */
public final class GalleryRepository {
    private final DbClient db;

    public GalleryRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Published videos, newest publication first, optionally of one city (case- and space-insensitive), each marked
     * with whether {@code viewer} has voted for it. The page is cut from the index first and only its rows are
     * joined to their players and looked up in the votes' primary key.
     */
    public List<PublishedVideo> published(Optional<String> city, Paging paging, Optional<UUID> viewer) {
        return db.execute().query("""
                SELECT v.id, v.title, u.first_name || ' ' || u.last_name AS player_name, u.city,
                       v.processed_key, v.poster_key, v.vote_count,
                       EXISTS (SELECT 1 FROM votes WHERE video_id = v.id AND user_id = ?) AS voted
                  FROM (SELECT id, owner_id, title, processed_key, poster_key, vote_count, published_at FROM videos
                         WHERE published_at IS NOT NULL
                           AND (CAST(? AS text) IS NULL
                                OR owner_id IN (SELECT id FROM users WHERE city_key(city) = city_key(?)))
                         ORDER BY published_at DESC, id DESC
                         LIMIT ? OFFSET ?) v
                  JOIN users u ON u.id = v.owner_id
                 ORDER BY v.published_at DESC, v.id DESC""",
                viewer.orElse(null), city.orElse(null), city.orElse(null), paging.pageSize(), paging.offset())
                .map(row -> new PublishedVideo(Rows.uuid(row, "id"), Rows.text(row, "title"),
                        Rows.text(row, "player_name"), Rows.text(row, "city"), Rows.text(row, "processed_key"),
                        Rows.text(row, "poster_key"), Rows.number(row, "vote_count"),
                        row.column("voted").get(Boolean.class)))
                .toList();
    }

    /**
     * Records the vote if the video is published and this user has not voted for it. The primary key on
     * (video_id, user_id) decides races: of 50 concurrent attempts exactly one inserts.
     */
    public VoteOutcome vote(UUID videoId, UUID userId) {
        long inserted = db.execute().insert("""
                INSERT INTO votes (video_id, user_id)
                SELECT id, ? FROM videos WHERE id = ? AND published_at IS NOT NULL
                ON CONFLICT (video_id, user_id) DO NOTHING""", userId, videoId);
        if (inserted == 1) {
            return VoteOutcome.COUNTED;
        }
        boolean published = db.execute()
                .get("SELECT 1 AS found FROM videos WHERE id = ? AND published_at IS NOT NULL", videoId).isPresent();
        return published ? VoteOutcome.ALREADY_VOTED : VoteOutcome.NOT_VOTABLE;
    }

    public record PublishedVideo(UUID id, String title, String playerName, String city, String processedKey,
                                 String posterKey, long votes, boolean voted) {
    }

    public enum VoteOutcome { COUNTED, ALREADY_VOTED, NOT_VOTABLE }
}
