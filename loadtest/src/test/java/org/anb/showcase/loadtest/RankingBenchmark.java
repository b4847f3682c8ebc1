package org.anb.showcase.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.db.credentials.DatabaseCredentials;
import org.anb.showcase.local.EmbeddedDatabase;
import org.flywaydb.core.Flyway;

/**
 * Rankings with 100 k players and about a million votes: our read (index walk over the trigger-maintained
 * player_scores) against a live aggregation over the votes, side by side on the same database in one run.
 *
 * <p>Run: {@code ./mvnw -pl loadtest -am -Pbench-rankings verify -DskipTests}. Prints a Markdown table.
 */
public final class RankingBenchmark {
    private static final int PLAYERS = 100_000;
    private static final int VOTES_PER_VOTER = 10;
    private static final int WARMUP = 5;
    private static final int RUNS = 40;

    /** What RankingRepository runs: page through player_scores by index, then join the 20 players. */
    private static final String OURS = """
            SELECT u.first_name || ' ' || u.last_name AS username, u.city, page.votes
              FROM (SELECT user_id, votes, signed_up_at FROM player_scores
                     WHERE (CAST(? AS text) IS NULL OR city_key = city_key(?))
                     ORDER BY votes DESC, signed_up_at, user_id
                     LIMIT 20 OFFSET ?) page
              JOIN users u ON u.id = page.user_id
             ORDER BY page.votes DESC, page.signed_up_at, page.user_id""";

    /** The first version: join, then page (the join runs for every skipped row too). */
    private static final String JOIN_THEN_PAGE = """
            SELECT u.first_name || ' ' || u.last_name AS username, u.city, s.votes
              FROM player_scores s JOIN users u ON u.id = s.user_id
             WHERE (CAST(? AS text) IS NULL OR s.city_key = city_key(?))
             ORDER BY s.votes DESC, s.signed_up_at, s.user_id
             LIMIT 20 OFFSET ?""";

    private static final String LIVE_AGGREGATION = """
            SELECT position, username, city, votes FROM (
              SELECT row_number() OVER (ORDER BY count(vo.user_id) DESC, u.created_at, u.id) AS position,
                     u.first_name || ' ' || u.last_name AS username, u.city, count(vo.user_id) AS votes
                FROM users u JOIN videos v ON v.owner_id = u.id AND v.published_at IS NOT NULL
                LEFT JOIN votes vo ON vo.video_id = v.id
               WHERE (CAST(? AS text) IS NULL OR lower(btrim(u.city)) = lower(btrim(?)))
               GROUP BY u.id) ranked
             ORDER BY position LIMIT 20 OFFSET ?""";

    private RankingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anb-bench-rankings");
        CredentialFile credentials = new CredentialFile(dir.resolve("db-credentials.json"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), BenchData.freePort(), credentials)) {
            DatabaseCredentials login = credentials.read();
            Flyway.configure().dataSource(db.jdbcUrl(), login.username(), login.password()).load().migrate();
            benchmark(DriverManager.getConnection(db.jdbcUrl(), login.username(), login.password()));
        }
    }

    private static void benchmark(Connection connection) throws SQLException {
        try (Connection c = connection) {
            long seedStart = System.nanoTime();
            long votes = BenchData.seed(c, PLAYERS, VOTES_PER_VOTER);
            System.out.printf("Seeded %,d players and %,d votes in %.1f s%n%n", PLAYERS, votes,
                    (System.nanoTime() - seedStart) / 1e9);

            System.out.println("| query | strategy | median ms | p95 ms |");
            System.out.println("|---|---|---:|---:|");
            for (Object[] q : new Object[][] {{"overall, page 1", null, 0}, {"overall, page 500", null, 9_980},
                    {"city = Cali, page 1", "Cali", 0}}) {
                List<Double> ours = time(c, OURS, (String) q[1], (int) q[2]);
                List<Double> joinFirst = time(c, JOIN_THEN_PAGE, (String) q[1], (int) q[2]);
                List<Double> live = time(c, LIVE_AGGREGATION, (String) q[1], (int) q[2]);
                row(q[0], "player_scores, page then join (ours)", ours);
                row(q[0], "player_scores, join then page", joinFirst);
                row(q[0], "live aggregation over votes", live);
                System.out.printf("| %s | ratio live / ours | %.0fx | |%n", q[0], QueryTimings.median(live) / QueryTimings.median(ours));
            }
        }
    }

    private static List<Double> time(Connection c, String sql, String city, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, city);
            ps.setString(2, city);
            ps.setInt(3, offset);
            return QueryTimings.sorted(ps, WARMUP, RUNS);
        }
    }

    private static void row(Object query, String strategy, List<Double> sorted) {
        System.out.printf("| %s | %s | %.2f | %.2f |%n", query, strategy, QueryTimings.median(sorted),
                QueryTimings.p95(sorted));
    }

}
