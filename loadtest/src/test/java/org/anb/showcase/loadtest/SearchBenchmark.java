package org.anb.showcase.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.db.credentials.DatabaseCredentials;
import org.anb.showcase.local.EmbeddedDatabase;
import org.flywaydb.core.Flyway;

/**
 * Issue 24's choice for the gallery's search, measured: V16's stored, normalised {@code search_text} behind one
 * trigram index (ours) against V15's trigram indexes on two tables joined by an OR, and against the stored column
 * scanned without an index, on 100 k players with one published video each, side by side in one run. Each query is
 * run 45 times on one prepared statement, so the driver's switch to a server-side, possibly generic plan is measured.
 *
 * <p>Run: {@code ./mvnw -pl loadtest -am -Pbench-search verify -DskipTests}. Prints a Markdown table.
 */
public final class SearchBenchmark {
    private static final int PLAYERS = 100_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 40;

    /** What GalleryRepository.published runs (V16): one stored, normalised column behind one trigram index. */
    private static final String OURS = """
            SELECT id FROM videos
             WHERE published_at IS NOT NULL
               AND search_text LIKE search_key(?)
               AND NOT EXISTS (SELECT 1 FROM users m
                                WHERE m.id = owner_id AND is_minor(m.birth_date)
                                  AND search_key(title) NOT LIKE search_key(?)
                                  AND search_key(public_name(m.first_name, m.last_name, m.birth_date)) NOT LIKE search_key(?))
             ORDER BY published_at DESC, id DESC LIMIT 20""";

    /** V15's form: trigram indexes on expressions of two tables, joined by an OR (rebuilt here to be measured). */
    private static final String TWO_TABLES_OR = """
            SELECT id FROM videos
             WHERE published_at IS NOT NULL
               AND (search_key(title) LIKE search_key(?)
                    OR owner_id IN (SELECT id FROM users
                                     WHERE searchable_names(first_name, last_name) LIKE search_key(?)
                                       AND search_key(public_name(first_name, last_name, birth_date)) LIKE search_key(?)))
             ORDER BY published_at DESC, id DESC LIMIT 20""";

    /** The same stored column with no trigram index: every search walks the newest videos. */
    private static final String SCANNED = """
            SELECT id FROM videos
             WHERE published_at IS NOT NULL
               AND search_text || '' LIKE search_key(?)
               AND NOT EXISTS (SELECT 1 FROM users m
                                WHERE m.id = owner_id AND is_minor(m.birth_date)
                                  AND search_key(title) NOT LIKE search_key(?)
                                  AND search_key(public_name(m.first_name, m.last_name, m.birth_date)) NOT LIKE search_key(?))
             ORDER BY published_at DESC, id DESC LIMIT 20""";

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anb-bench-search");
        CredentialFile credentials = new CredentialFile(dir.resolve("db-credentials.json"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), BenchData.freePort(), credentials)) {
            DatabaseCredentials login = credentials.read();
            Flyway.configure().dataSource(db.jdbcUrl(), login.username(), login.password()).load().migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), login.username(), login.password())) {
                seed(c);
                System.out.println("| search | strategy | median ms | p95 ms |");
                System.out.println("|---|---|---:|---:|");
                for (String q : List.of("jugador4242", "clavada", "tapon", "zz-nadie", "a")) {
                    List<Double> ours = time(c, OURS, q);
                    List<Double> or = time(c, TWO_TABLES_OR, q);
                    List<Double> scan = time(c, SCANNED, q);
                    row(q, "stored search_text, one trigram index (ours, V16)", ours);
                    row(q, "trigram indexes on two tables joined by OR (V15)", or);
                    row(q, "stored search_text, no index (scan)", scan);
                }
                sizes(c);
            }
        }
    }

    private static void seed(Connection c) throws SQLException {
        BenchData.seed(c, PLAYERS, 1);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    UPDATE videos SET title = (ARRAY['Clavada','Triple','Bandeja','Tapón','Crossover','Alley-oop',
                                                     'Doble','Robo','Asistencia','Gancho'])[1 + abs(hashtext(id::text)) % 10]
                                              || ' en ' || (SELECT city FROM users WHERE users.id = owner_id)""");
            // V15's indexes, to measure its form beside ours.
            s.execute("CREATE INDEX v15_title_idx ON videos USING gin (search_key(title) gin_trgm_ops) "
                    + "WHERE published_at IS NOT NULL");
            s.execute("CREATE INDEX v15_names_idx ON users USING gin (searchable_names(first_name, last_name) gin_trgm_ops)");
            s.execute("VACUUM ANALYZE");
        }
    }

    private static List<Double> time(Connection c, String sql, String q) throws SQLException {
        String pattern = "%" + q + "%";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, pattern);
            }
            return QueryTimings.sorted(ps, WARMUP, RUNS);
        }
    }

    private static void sizes(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT pg_size_pretty(pg_relation_size('videos_search_idx')) AS search_text,
                       pg_size_pretty(pg_relation_size('v15_names_idx')) AS names""")) {
            rs.next();
            System.out.printf("%nTrigram index sizes: search_text %s (V15 names alone: %s)%n", rs.getString(1), rs.getString(2));
        }
    }

    private static void row(String q, String strategy, List<Double> sorted) {
        System.out.printf("| \"%s\" | %s | %.2f | %.2f |%n", q, strategy, QueryTimings.median(sorted),
                QueryTimings.p95(sorted));
    }

}
