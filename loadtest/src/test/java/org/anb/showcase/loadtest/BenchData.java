package org.anb.showcase.loadtest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Seeds a database with many players, one published video each, and about {@code votesPerPlayer} votes per player
 * skewed towards a few stars ({@code random()^3}), as the rankings benchmark and the read-heavy simulation need.
 *
 * <p>The votes are bulk-loaded with the counting trigger off, then the counters are set exactly as the trigger would
 * have (one statement, so the trigger would have done the same; setting them directly keeps this usable on older
 * schemas whose trigger counted row by row, quadratic over a million updates of the same hot rows).
 */
public final class BenchData {
    private BenchData() {
    }

    /** @return the number of votes stored */
    public static long seed(Connection c, int players, int votesPerPlayer) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO users (id, first_name, last_name, email, password_hash, city, country, created_at)
                    SELECT gen_random_uuid(), 'Jugador' || g, 'Bench', 'p' || g || '@bench.test', 'x',
                           (ARRAY['Bogotá','Medellín','Cali','Barranquilla','Cartagena','Bucaramanga','Pereira',
                                  'Santa Marta','Cúcuta','Ibagué'])[1 + g %% 10], 'Colombia',
                           now() - make_interval(secs => g)
                      FROM generate_series(1, %d) g""".formatted(players));
            s.execute("""
                    INSERT INTO videos (id, owner_id, title, status, original_key, original_bytes, processed_key,
                                        processed_at)
                    SELECT gen_random_uuid(), id, 'jugada', 'processed', 'k', 1, 'processed/' || id || '.mp4', now()
                      FROM users WHERE email LIKE '%@bench.test'""");
            s.execute("UPDATE videos SET published_at = now() WHERE published_at IS NULL AND title = 'jugada'");
            s.execute("ALTER TABLE votes DISABLE TRIGGER votes_added");
            s.execute("""
                    WITH v AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM videos WHERE title = 'jugada'),
                         ballots AS MATERIALIZED (
                           SELECT u.id AS voter, 1 + floor(%d * random() ^ 3)::int AS target
                             FROM users u CROSS JOIN generate_series(1, %d) k WHERE u.email LIKE '%%@bench.test')
                    INSERT INTO votes (video_id, user_id)
                    SELECT v.id, ballots.voter FROM ballots JOIN v ON v.rn = ballots.target
                    ON CONFLICT DO NOTHING""".formatted(players, votesPerPlayer));
            s.execute("ALTER TABLE votes ENABLE TRIGGER votes_added");
            s.execute("""
                    UPDATE videos v SET vote_count = c.n
                      FROM (SELECT video_id, count(*) AS n FROM votes GROUP BY video_id) c WHERE c.video_id = v.id""");
            s.execute("""
                    UPDATE player_scores p SET votes = t.n
                      FROM (SELECT owner_id, sum(vote_count) AS n FROM videos WHERE published_at IS NOT NULL
                             GROUP BY owner_id) t
                     WHERE t.owner_id = p.user_id""");
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM votes")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A port nothing listens on now, for an embedded server. */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
