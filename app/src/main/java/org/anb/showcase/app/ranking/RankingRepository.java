package org.anb.showcase.app.ranking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/**
 * Reads the ranking from {@code player_scores}, which triggers keep exact (see V2 migration). The order is total —
 * votes, then signup time, then id — so a position is the row's place in that order: page offset plus index,
 * read straight off an index without aggregating votes.
 */
public final class RankingRepository {
    private final DbClient db;

    public RankingRepository(DbClient db) {
        this.db = db;
    }

    /** A page of the ranking; {@code withPlayerIds} adds each row's {@code player_id} (the {@code expand=player} view). */
    public List<RankedPlayer> page(Optional<String> city, Paging paging, boolean withPlayerIds) {
        var rows = db.execute().query("""
                SELECT page.user_id, public_name(u.first_name, u.last_name, u.birth_date) AS username, u.city, page.votes
                  FROM (SELECT user_id, votes, signed_up_at FROM player_scores
                         WHERE (CAST(? AS text) IS NULL OR city_key = canonical_city_key(?))
                         ORDER BY votes DESC, signed_up_at, user_id
                         LIMIT ? OFFSET ?) page
                  JOIN users u ON u.id = page.user_id
                 ORDER BY page.votes DESC, page.signed_up_at, page.user_id""",
                city.orElse(null), city.orElse(null), paging.pageSize(), paging.offset()).toList();
        return java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> new RankedPlayer(paging.offset() + i + 1, Rows.text(rows.get(i), "username"),
                        Rows.text(rows.get(i), "city"), Rows.number(rows.get(i), "votes"),
                        withPlayerIds ? Rows.uuid(rows.get(i), "user_id") : null))
                .toList();
    }

    /**
     * Where one player stands: their position overall and in their city, exactly as {@link #page} would number them
     * (the players ahead in the same order, plus one), from the same table. Empty for a player not in the ranking
     * (nothing published).
     */
    public Optional<Standing> standing(UUID playerId) {
        return db.execute().query("""
                SELECT me.votes,
                       1 + (SELECT count(*) FROM player_scores p
                             WHERE p.votes > me.votes
                                OR (p.votes = me.votes AND (p.signed_up_at, p.user_id) < (me.signed_up_at, me.user_id)))
                           AS rank,
                       1 + (SELECT count(*) FROM player_scores p
                             WHERE p.city_key = me.city_key
                               AND (p.votes > me.votes
                                    OR (p.votes = me.votes
                                        AND (p.signed_up_at, p.user_id) < (me.signed_up_at, me.user_id))))
                           AS city_rank
                  FROM player_scores me
                 WHERE me.user_id = ?""", playerId)
                .map(row -> new Standing(Rows.number(row, "votes"), Rows.number(row, "rank"),
                        Rows.number(row, "city_rank")))
                .findFirst();
    }

    /** A player's total votes and positions (1 = first) overall and in their city. */
    public record Standing(long votes, long rank, long cityRank) {
    }

    /**
     * A row of the contract: exactly these four keys, which existing clients assert ({@code votes} is null while the
     * edition hides counts), and {@code player_id} only when asked for.
     */
    public record RankedPlayer(long position, String username, String city, Long votes,
                               @JsonInclude(JsonInclude.Include.NON_NULL) UUID playerId) {
        public RankedPlayer withoutVotes() {
            return new RankedPlayer(position, username, city, null, playerId);
        }
    }
}
