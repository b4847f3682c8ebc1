package org.anb.showcase.app.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/**
 * Frozen results: publishing copies the standings and every counted ballot into tables of their own, which nothing
 * changes afterwards — later votes, voids, disqualifications or deleted accounts do not reach them. Counted means:
 * not voided, not held, on a video published at that moment, and cast before voting closed.
 */
public final class ResultsRepository {
    private final DbClient db;

    public ResultsRepository(DbClient db) {
        this.db = db;
    }

    /** Locks the current edition's row for publication; its id, close time and ballot key. */
    public Optional<EditionToPublish> lockCurrent(DbExecute tx) {
        return tx.get("""
                SELECT id, voting_close_at, results_published_at, ballot_key FROM contest
                 ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .map(row -> new EditionToPublish(Rows.number(row, "id"), Rows.instant(row, "voting_close_at"),
                        Rows.instant(row, "results_published_at"), row.column("ballot_key").get(byte[].class)));
    }

    public record EditionToPublish(long id, Instant votingCloseAt, Instant publishedAt, byte[] ballotKey) {
    }

    /** Snapshots the standings and the ballots, and marks the edition published; answers the ballots written. */
    public long publish(DbExecute tx, EditionToPublish edition) {
        Timestamp close = Timestamp.from(edition.votingCloseAt());
        tx.insert("""
                WITH per_video AS (
                    SELECT v.id, v.owner_id,
                           count(vt.user_id) FILTER (WHERE vt.voided_at IS NULL AND NOT vt.held AND vt.created_at < ?)
                               AS votes,
                           count(vt.user_id) FILTER (WHERE vt.voided_at IS NULL AND vt.held) AS held,
                           count(vt.user_id) FILTER (WHERE vt.voided_at IS NOT NULL) AS void
                      FROM videos v LEFT JOIN votes vt ON vt.video_id = v.id
                     WHERE v.published_at IS NOT NULL
                     GROUP BY v.id, v.owner_id),
                per_player AS (
                    SELECT owner_id, sum(votes) AS votes, sum(held) AS held, sum(void) AS void,
                           (array_agg(id ORDER BY votes DESC, id))[1] AS best_video_id
                      FROM per_video GROUP BY owner_id)
                INSERT INTO result_standings (contest_id, user_id, username, city, city_key, position, city_position,
                                              votes, held, void, best_video_id)
                SELECT ?, p.owner_id, public_name(u.first_name, u.last_name, u.birth_date), u.city, canonical_city_key(u.city),
                       row_number() OVER (ORDER BY p.votes DESC, u.created_at, u.id),
                       row_number() OVER (PARTITION BY canonical_city_key(u.city)
                                          ORDER BY p.votes DESC, u.created_at, u.id),
                       p.votes, p.held, p.void, p.best_video_id
                  FROM per_player p JOIN users u ON u.id = p.owner_id""", close, edition.id());
        Object[] pads = BallotPseudonym.pads(edition.ballotKey());
        long ballots = tx.insert("INSERT INTO result_ballots (contest_id, video_id, ballot) SELECT ?, vt.video_id, "
                        + BallotPseudonym.sql("vt.user_id") + """
                 FROM votes vt JOIN videos v ON v.id = vt.video_id AND v.published_at IS NOT NULL
                WHERE vt.voided_at IS NULL AND NOT vt.held AND vt.created_at < ?""",
                edition.id(), pads[0], pads[1], close);
        tx.update("UPDATE contest SET results_published_at = now() WHERE id = ?", edition.id());
        return ballots;
    }

    /** The published standings of the edition, overall or of one city (positions within that city). */
    public List<Standing> standings(long contestId, Optional<String> city, Paging paging) {
        return db.execute().query("""
                SELECT CASE WHEN CAST(? AS text) IS NULL THEN position ELSE city_position END AS position,
                       username, city, votes, held, void, user_id, best_video_id
                  FROM result_standings
                 WHERE contest_id = ? AND (CAST(? AS text) IS NULL OR city_key = canonical_city_key(?))
                 ORDER BY 1 LIMIT ? OFFSET ?""",
                city.orElse(null), contestId, city.orElse(null), city.orElse(null), paging.pageSize(), paging.offset())
                .map(row -> new Standing(Rows.number(row, "position"), Rows.text(row, "username"),
                        Rows.text(row, "city"), Rows.number(row, "votes"), Rows.number(row, "held"),
                        Rows.number(row, "void")))
                .toList();
    }

    /**
     * The ballots after {@code (afterVideo, afterBallot)} in file order, at most {@code limit}, as ready CSV lines:
     * keyset paging over a million rows, each chunk one row out of the database (mapping a million rows one by one
     * through the DB client cost more than the queries).
     */
    public BallotChunk ballotsAfter(long contestId, String afterVideo, String afterBallot, int limit) {
        return db.execute().get("""
                WITH page AS (SELECT video_id, ballot FROM result_ballots
                               WHERE contest_id = ? AND (contest_id, video_id, ballot) > (?, CAST(? AS uuid), ?)
                               ORDER BY contest_id, video_id, ballot LIMIT ?)
                SELECT count(*) AS n,
                       coalesce(string_agg(video_id || ',' || ballot || chr(10), '' ORDER BY video_id, ballot), '') AS csv,
                       (array_agg(video_id::text ORDER BY video_id DESC, ballot DESC))[1] AS last_video,
                       (array_agg(ballot ORDER BY video_id DESC, ballot DESC))[1] AS last_ballot
                  FROM page""", contestId, contestId, afterVideo, afterBallot, limit)
                .map(row -> new BallotChunk(Rows.number(row, "n"), Rows.text(row, "csv"), Rows.text(row, "last_video"),
                        Rows.text(row, "last_ballot")))
                .orElseThrow();
    }

    /** CSV lines of {@code count} ballots and the key of the last one. */
    public record BallotChunk(long count, String csv, String lastVideo, String lastBallot) {
    }

    /**
     * Tells each finalist (the top {@code perCity} of their city) by mail, in the publishing transaction: the mail
     * exists exactly when the results do. {@code {{site}}} is the site's address, filled in by the sender.
     */
    public long mailFinalists(DbExecute tx, long contestId, int perCity) {
        return tx.insert("""
                INSERT INTO mail_outbox (id, recipient, subject, body)
                SELECT gen_random_uuid(), u.email, 'Estás entre los finalistas — ANB Rising Stars',
                       'Hola, ' || u.first_name || E':\n\n¡Felicitaciones! Quedaste en el puesto ' || s.city_position
                       || ' de ' || s.city || ' con ' || s.votes || ' votos: estás entre los finalistas de la edición. '
                       || E'La Asociación te escribirá con los siguientes pasos.\n\n{{site}}/ranking\n\n'
                       || 'Asociación Nacional de Baloncesto'
                  FROM result_standings s JOIN users u ON u.id = s.user_id
                 WHERE s.contest_id = ? AND s.city_position <= ?""", contestId, perCity);
    }

    /** The top {@code perCity} of each city, with what the association needs to reach them. */
    public List<Finalist> finalists(long contestId, int perCity) {
        return db.execute().query("""
                SELECT s.city, s.city_position, s.username, u.email, s.votes, v.processed_key
                  FROM result_standings s
                  LEFT JOIN users u ON u.id = s.user_id
                  LEFT JOIN videos v ON v.id = s.best_video_id
                 WHERE s.contest_id = ? AND s.city_position <= ?
                 ORDER BY s.city_key, s.city_position""", contestId, perCity)
                .map(row -> new Finalist(Rows.text(row, "city"), Rows.number(row, "city_position"),
                        Rows.text(row, "username"), Rows.text(row, "email"), Rows.number(row, "votes"),
                        Rows.text(row, "processed_key")))
                .toList();
    }

    public Optional<byte[]> ballotKey(long contestId) {
        return db.execute().get("SELECT ballot_key FROM contest WHERE id = ?", contestId)
                .map(row -> row.column("ballot_key").get(byte[].class));
    }

    /** The caller's own votes, with their state and (once results are out) their ballot pseudonym. */
    public List<MyVote> votesOf(UUID voter, Optional<byte[]> publishedKey) {
        Object[] pads = publishedKey.map(BallotPseudonym::pads).orElse(new Object[] {null, null});
        return db.execute().query("SELECT vt.video_id, v.title, vt.created_at, "
                        + "CASE WHEN vt.voided_at IS NOT NULL THEN 'void' WHEN vt.held THEN 'held' ELSE 'counted' END "
                        + "AS state, CASE WHEN CAST(? AS bytea) IS NULL THEN NULL ELSE "
                        + BallotPseudonym.sql("vt.user_id") + " END AS ballot "
                        + "FROM votes vt JOIN videos v ON v.id = vt.video_id WHERE vt.user_id = ? "
                        + "ORDER BY vt.created_at DESC LIMIT 1000",
                pads[0], pads[0], pads[1], voter)
                .map(row -> new MyVote(Rows.uuid(row, "video_id"), Rows.text(row, "title"),
                        Rows.instant(row, "created_at"), Rows.text(row, "state"), Rows.text(row, "ballot")))
                .toList();
    }

    public record Standing(long position, String username, String city, long votes, long held,
                           @JsonProperty("void") long voided) {
    }

    public record Finalist(String city, long position, String playerName, String email, long votes,
                           String processedKey) {
    }

    public record MyVote(UUID videoId, String title, Instant votedAt, String state, String ballot) {
    }
}
