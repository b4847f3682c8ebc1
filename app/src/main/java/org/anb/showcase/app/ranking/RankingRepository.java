package org.anb.showcase.app.ranking;

import java.util.List;
import java.util.Optional;

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

    public List<RankedPlayer> page(Optional<String> city, Paging paging) {
        var rows = db.execute().query("""
                SELECT public_name(u.first_name, u.last_name, u.birth_date) AS username, u.city, page.votes
                  FROM (SELECT user_id, votes, signed_up_at FROM player_scores
                         WHERE (CAST(? AS text) IS NULL OR city_key = canonical_city_key(?))
                         ORDER BY votes DESC, signed_up_at, user_id
                         LIMIT ? OFFSET ?) page
                  JOIN users u ON u.id = page.user_id
                 ORDER BY page.votes DESC, page.signed_up_at, page.user_id""",
                city.orElse(null), city.orElse(null), paging.pageSize(), paging.offset()).toList();
        return java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> new RankedPlayer(paging.offset() + i + 1, Rows.text(rows.get(i), "username"),
                        Rows.text(rows.get(i), "city"), Rows.number(rows.get(i), "votes")))
                .toList();
    }

    /** A row of the contract: exactly these four keys; {@code votes} is null while the edition hides counts. */
    public record RankedPlayer(long position, String username, String city, Long votes) {
        public RankedPlayer withoutVotes() {
            return new RankedPlayer(position, username, city, null);
        }
    }
}
