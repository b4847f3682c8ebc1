package org.anb.showcase.app.gallery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/** Published videos and votes: all of their SQL. */
public final class GalleryRepository {
    private final DbClient db;

    public GalleryRepository(DbClient db) {
        this.db = db;
    }

    /**
     * A page of published videos in {@code query}'s order, optionally of one city (case- and space-insensitive) and
     * matching a search (title or public name, ignoring case and accents: V16's {@code search_text}), each marked
     * with whether {@code viewer} has voted for it. The page is cut from the videos first and only its rows are
     * joined to their players and looked up in the votes' primary key.
     */
    public List<PublishedVideo> published(GalleryQuery query, Paging paging, Optional<UUID> viewer) {
        String pattern = query.likePattern().orElse(null);
        return db.execute().query("""
                SELECT v.id, v.owner_id, v.title, public_name(u.first_name, u.last_name, u.birth_date) AS player_name,
                       u.city, v.processed_key, v.poster_key, v.vote_count,
                       EXISTS (SELECT 1 FROM votes WHERE video_id = v.id AND user_id = ?) AS voted
                  FROM (SELECT id, owner_id, title, processed_key, poster_key, vote_count, published_at FROM videos
                         WHERE published_at IS NOT NULL
                           AND (CAST(? AS text) IS NULL
                                OR owner_id IN (SELECT id FROM users WHERE city_key(city) = canonical_city_key(?)))
                           AND (CAST(? AS text) IS NULL
                                OR (search_text LIKE search_key(?)
                                    -- a minor is found by the title or the public name, never by the last name
                                    AND NOT EXISTS (SELECT 1 FROM users m
                                                     WHERE m.id = owner_id AND is_minor(m.birth_date)
                                                       AND search_key(title) NOT LIKE search_key(?)
                                                       AND search_key(public_name(m.first_name, m.last_name,
                                                                                  m.birth_date)) NOT LIKE search_key(?))))
                         ORDER BY %1$s
                         LIMIT ? OFFSET ?) v
                  JOIN users u ON u.id = v.owner_id
                 ORDER BY %2$s""".formatted(query.orderBy(""), query.orderBy("v.")),
                viewer.orElse(null), query.city().orElse(null), query.city().orElse(null),
                pattern, pattern, pattern, pattern, paging.pageSize(), paging.offset())
                .map(GalleryRepository::publishedVideo)
                .toList();
    }

    /** One published video, as the gallery shows it; empty when unknown, not published or disqualified. */
    public Optional<PublishedVideo> published(UUID videoId, Optional<UUID> viewer) {
        return db.execute().query(PUBLISHED_OF + "WHERE v.id = ? AND v.published_at IS NOT NULL",
                viewer.orElse(null), videoId).map(GalleryRepository::publishedVideo).findFirst();
    }

    /** Every published video of one player, newest first (a player has a handful: the upload quota bounds them). */
    public List<PublishedVideo> publishedBy(UUID playerId, Optional<UUID> viewer) {
        return db.execute().query(PUBLISHED_OF + "WHERE v.owner_id = ? AND v.published_at IS NOT NULL "
                        + "ORDER BY v.published_at DESC, v.id DESC",
                viewer.orElse(null), playerId).map(GalleryRepository::publishedVideo).toList();
    }

    private static final String PUBLISHED_OF = """
            SELECT v.id, v.owner_id, v.title, public_name(u.first_name, u.last_name, u.birth_date) AS player_name,
                   u.city, v.processed_key, v.poster_key, v.vote_count,
                   EXISTS (SELECT 1 FROM votes WHERE video_id = v.id AND user_id = ?) AS voted
              FROM videos v JOIN users u ON u.id = v.owner_id
            """;

    private static PublishedVideo publishedVideo(DbRow row) {
        return new PublishedVideo(Rows.uuid(row, "id"), Rows.uuid(row, "owner_id"), Rows.text(row, "title"),
                Rows.text(row, "player_name"), Rows.text(row, "city"), Rows.text(row, "processed_key"),
                Rows.text(row, "poster_key"), Rows.number(row, "vote_count"), row.column("voted").get(Boolean.class));
    }

    /**
     * Records each ballot whose video is published and whose voter has not voted for it, in one statement (the
     * votes' trigger then moves each counter once for the lot), and answers each ballot's outcome in order. The
     * primary key on (video_id, user_id) decides races, within the batch as across batches: of 50 concurrent
     * attempts by one user exactly one is counted.
     */
    public List<VoteOutcome> vote(List<Ballot> ballots) {
        String videos = join(ballots, Ballot::videoId);
        String voters = join(ballots, Ballot::userId);
        String networks = ballots.stream().map(Ballot::network).collect(Collectors.joining(","));
        // Held: the voter's e-mail is unconfirmed while an edition runs (with none, the assignment's rule: all count).
        Set<Ballot> held = new HashSet<>();
        Set<Ballot> counted = db.execute().query("""
                INSERT INTO votes (video_id, user_id, network, held)
                SELECT b.video_id, b.user_id, nullif(b.network, ''),
                       coalesce(u.email_verified_at IS NULL, false) AND EXISTS (SELECT 1 FROM contest)
                  FROM unnest(string_to_array(?, ',')::uuid[], string_to_array(?, ',')::uuid[],
                              string_to_array(?, ',')) AS b(video_id, user_id, network)
                  JOIN videos v ON v.id = b.video_id AND v.published_at IS NOT NULL AND v.owner_id <> b.user_id
                  LEFT JOIN users u ON u.id = b.user_id -- a voter deleted meanwhile still fails on the foreign key
                 ORDER BY b.video_id, b.user_id
                ON CONFLICT (video_id, user_id) DO NOTHING
                RETURNING video_id, user_id, held""", videos, voters, networks)
                .map(row -> {
                    Ballot ballot = new Ballot(Rows.uuid(row, "video_id"), Rows.uuid(row, "user_id"), null);
                    if (Rows.bool(row, "held")) {
                        held.add(ballot);
                    }
                    return ballot;
                })
                .collect(Collectors.toCollection(HashSet::new));
        Map<UUID, UUID> ownerOfPublished = counted.size() == ballots.size() ? Map.of() : db.execute().query(
                "SELECT id, owner_id FROM videos WHERE id = ANY (string_to_array(?, ',')::uuid[]) "
                        + "AND published_at IS NOT NULL", videos)
                .collect(Collectors.toMap(row -> Rows.uuid(row, "id"), row -> Rows.uuid(row, "owner_id")));
        // A ballot cast twice in one batch is counted once: the first gets COUNTED, the others ALREADY_VOTED.
        List<VoteOutcome> outcomes = new ArrayList<>(ballots.size());
        for (Ballot ballot : ballots) {
            UUID owner = ownerOfPublished.get(ballot.videoId());
            Ballot stored = ballot.withoutNetwork();
            outcomes.add(counted.remove(stored) ? (held.contains(stored) ? VoteOutcome.HELD : VoteOutcome.COUNTED)
                    : owner == null ? VoteOutcome.NOT_VOTABLE
                    : owner.equals(ballot.userId()) ? VoteOutcome.OWN_VIDEO : VoteOutcome.ALREADY_VOTED);
        }
        return outcomes;
    }

    private static String join(List<Ballot> ballots, Function<Ballot, UUID> part) {
        return ballots.stream().map(part).map(UUID::toString).collect(Collectors.joining(","));
    }

    /**
     * One user's vote for one video, and the voter's network prefix (kept for the integrity view; never the
     * address). Equality is what the primary key compares only when the network is left out.
     */
    public record Ballot(UUID videoId, UUID userId, String network) {
        public Ballot {
            network = network == null ? "" : network;
        }

        public Ballot(UUID videoId, UUID userId) {
            this(videoId, userId, null);
        }

        Ballot withoutNetwork() {
            return new Ballot(videoId, userId, null);
        }
    }

    public record PublishedVideo(UUID id, UUID playerId, String title, String playerName, String city,
                                 String processedKey, String posterKey, long votes, boolean voted) {
    }

    public enum VoteOutcome { COUNTED, HELD, ALREADY_VOTED, NOT_VOTABLE, OWN_VIDEO }
}
