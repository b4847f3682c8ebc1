package org.anb.showcase.app.integrity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/**
 * The signals behind a video's votes, computed in PostgreSQL from the votes table (never kept in the API's memory):
 * totals by state, votes per hour, shares from young and unconfirmed accounts, the busiest networks.
 */
public final class IntegrityRepository {
    /** Per video, over the votes that still count or wait (not voided): what {@link SuspicionScore} reads. */
    private static final String AGGREGATES = """
            SELECT vt.video_id,
                   count(*) AS votes,
                   count(*) FILTER (WHERE u.created_at > vt.created_at - interval '1 day') AS young,
                   count(*) FILTER (WHERE u.email_verified_at IS NULL OR u.email_verified_at > vt.created_at)
                       AS unconfirmed,
                   (SELECT max(n) FROM (SELECT count(*) AS n FROM votes h WHERE h.video_id = vt.video_id
                                          AND h.voided_at IS NULL GROUP BY date_trunc('hour', h.created_at)) hours)
                       AS peak_hour,
                   (SELECT max(n) FROM (SELECT count(*) AS n FROM votes w WHERE w.video_id = vt.video_id
                                          AND w.voided_at IS NULL AND w.network IS NOT NULL GROUP BY w.network) nets)
                       AS top_network,
                   max(vt.created_at) AS last_vote
              FROM votes vt JOIN users u ON u.id = vt.user_id
             WHERE vt.voided_at IS NULL""";

    private final DbClient db;

    public IntegrityRepository(DbClient db) {
        this.db = db;
    }

    public record Totals(long counted, long held, long voided) {
    }

    public record Hour(Instant hour, long votes, long voided) {
    }

    public record Network(String network, long votes) {
    }

    /** A video whose score may cross the threshold, with what the score reads. */
    public record Scored(UUID videoId, SuspicionScore.Aggregates aggregates, Instant lastVote) {
    }

    public Totals totals(UUID videoId) {
        return db.execute().get("""
                SELECT count(*) FILTER (WHERE voided_at IS NULL AND NOT held) AS counted,
                       count(*) FILTER (WHERE voided_at IS NULL AND held) AS held,
                       count(*) FILTER (WHERE voided_at IS NOT NULL) AS voided
                  FROM votes WHERE video_id = ?""", videoId)
                .map(row -> new Totals(Rows.number(row, "counted"), Rows.number(row, "held"),
                        Rows.number(row, "voided")))
                .orElseThrow();
    }

    public List<Hour> perHour(UUID videoId) {
        return db.execute().query("""
                SELECT date_trunc('hour', created_at) AS hour, count(*) FILTER (WHERE voided_at IS NULL) AS votes,
                       count(*) FILTER (WHERE voided_at IS NOT NULL) AS voided
                  FROM votes WHERE video_id = ? GROUP BY 1 ORDER BY 1""", videoId)
                .map(row -> new Hour(Rows.instant(row, "hour"), Rows.number(row, "votes"), Rows.number(row, "voided")))
                .toList();
    }

    public List<Network> topNetworks(UUID videoId, int limit) {
        return db.execute().query("""
                SELECT network, count(*) AS votes FROM votes
                 WHERE video_id = ? AND voided_at IS NULL AND network IS NOT NULL
                 GROUP BY network ORDER BY votes DESC, network LIMIT ?""", videoId, limit)
                .map(row -> new Network(Rows.text(row, "network"), Rows.number(row, "votes"))).toList();
    }

    public SuspicionScore.Aggregates aggregates(UUID videoId) {
        return db.execute().get(AGGREGATES + " AND vt.video_id = ? GROUP BY vt.video_id", videoId)
                .map(IntegrityRepository::aggregates)
                .orElse(new SuspicionScore.Aggregates(0, 0, 0, 0, 0));
    }

    /** Every video with at least the rules' minimum of votes, with its aggregates: the alerts' candidates. */
    public List<Scored> candidates() {
        return db.execute().query(AGGREGATES + " GROUP BY vt.video_id HAVING count(*) >= ?",
                        SuspicionScore.MIN_VOTES)
                .map(row -> new Scored(Rows.uuid(row, "video_id"), aggregates(row), Rows.instant(row, "last_vote")))
                .toList();
    }

    /** Each vote of a video or of a voter, newest first, with what an organizer judges it by. */
    public List<VoteRow> votes(UUID videoId, UUID voterId, Paging paging) {
        return db.execute().query("""
                SELECT vt.video_id, vt.user_id, u.email, vt.created_at, vt.network,
                       floor(extract(epoch FROM vt.created_at - u.created_at) / 3600)::bigint AS account_age_hours,
                       u.email_verified_at IS NOT NULL AND u.email_verified_at <= vt.created_at AS email_confirmed,
                       CASE WHEN vt.voided_at IS NOT NULL THEN 'void' WHEN vt.held THEN 'held' ELSE 'counted' END AS state
                  FROM votes vt JOIN users u ON u.id = vt.user_id
                 WHERE (CAST(? AS uuid) IS NULL OR vt.video_id = ?) AND (CAST(? AS uuid) IS NULL OR vt.user_id = ?)
                 ORDER BY vt.created_at DESC, vt.user_id LIMIT ? OFFSET ?""",
                videoId, videoId, voterId, voterId, paging.pageSize(), paging.offset())
                .map(row -> new VoteRow(Rows.uuid(row, "video_id"), Rows.uuid(row, "user_id"), Rows.text(row, "email"),
                        Rows.instant(row, "created_at"), Rows.text(row, "network"),
                        Rows.number(row, "account_age_hours"), Rows.bool(row, "email_confirmed"),
                        Rows.text(row, "state")))
                .toList();
    }

    public record VoteRow(UUID videoId, UUID voterId, String voterEmail, Instant votedAt, String network,
                          long accountAgeHours, boolean emailConfirmed, String state) {
    }

    private static SuspicionScore.Aggregates aggregates(DbRow row) {
        return new SuspicionScore.Aggregates(Rows.number(row, "votes"), Rows.number(row, "young"),
                Rows.number(row, "unconfirmed"), Rows.number(row, "peak_hour"), Rows.number(row, "top_network"));
    }
}
