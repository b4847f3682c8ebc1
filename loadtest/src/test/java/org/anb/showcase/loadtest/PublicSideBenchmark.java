package org.anb.showcase.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.app.auth.TokenService;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;

/**
 * Issue 15's measurement of the public side: the local platform (worker off) with 1,000 players in 10 cities, one
 * published video each and 100,000 votes; then, at 32 and at 128 connections, the gallery's first page, the
 * rankings (overall and Cali), logins of one account, and fans voting for one star (every vote a different fan's
 * first, all on the same video and player). The API runs in this JVM with the flags Maven gave it; the load comes
 * from wrk (and, for logins, {@link ClosedLoop}). Prints a Markdown table.
 *
 * <p>{@code -Dbench.seconds} (30) measured after {@code -Dbench.warmup} (5) seconds, {@code -Dbench.connections}
 * (32,128), {@code -Dbench.endpoints} (gallery,rankings,city,login,votes,spread-votes; also login-wrk,
 * share — a video's share page — and search — a search of the gallery by votes),
 * {@code -Dbench.label} (a column), {@code -Dbench.ballots} (100 per player), {@code -Dbench.edition} (false: no
 * contest edition configured; true: one open for voting, as during an edition).
 */
public final class PublicSideBenchmark {
    private static final String EMAIL = "bench-login@example.com";
    private static final String PASSWORD = "clave-segura-2026";
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    private static final int FANS = Integer.getInteger("bench.fans", 150_000);
    /** Ballots per seeded player (100: 80,213 votes; 125: about 100,000). */
    private static final int BALLOTS = Integer.getInteger("bench.ballots", 100);
    private static final boolean EDITION = Boolean.getBoolean("bench.edition");

    /** The most voted video: the page whose link a star's fans pass around. */
    private static String sharedVideo;

    private PublicSideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> connections = List.of(System.getProperty("bench.connections", "32,128").split(",")).stream()
                .map(Integer::parseInt).toList();
        List<String> endpoints = List.of(System.getProperty("bench.endpoints", "gallery,rankings,city,login,votes,spread-votes")
                .split(","));
        String label = System.getProperty("bench.label", "now");
        Path dir = Files.createTempDirectory("anb-public-side");
        // Every connection comes from 127.0.0.1: the per-client budgets would measure the limits, not the server.
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of(
                "worker.enabled", "false", "limits.concurrent-per-client", "100000000",
                "limits.vote.per-client", "100000000", "limits.signup.per-client", "100000000",
                "auth.login-throttle.account-client-failures", "100000000",
                "auth.login-throttle.client-failures", "100000000",
                "auth.login-throttle.account-failures", "100000000"))) {
            String base = platform.apiUrl();
            Path tokens = dir.resolve("fans.txt");
            try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection()) {
                System.out.printf("seeded 1,000 players and %,d votes%n", BenchData.seed(c, 1_000, BALLOTS));
                if (EDITION) { // issue 22: an edition open for voting, its rules checked on every request
                    try (Statement s = c.createStatement()) {
                        s.execute("""
                                INSERT INTO contest (name, voting_open_at, voting_close_at, counts_hidden_from,
                                                     max_entries_per_player, ballot_key)
                                VALUES ('Bench', now() - interval '1 day', now() + interval '1 day',
                                        now() + interval '12 hours', 3, decode(repeat('ab', 32), 'hex'))""");
                    }
                }
                Files.write(tokens, fans(c, TokenService.from(platform.config().get("auth"))));
                try (Statement s = c.createStatement();
                     var top = s.executeQuery("SELECT id FROM videos ORDER BY vote_count DESC LIMIT 1")) {
                    top.next();
                    sharedVideo = top.getString(1);
                }
            }
            signUp(base);
            Path votes = script(dir);
            List<String> rows = new ArrayList<>();
            for (String endpoint : endpoints) {
                for (int n : connections) {
                    rows.add(measure(endpoint, n, base, label, platform, votes, tokens));
                    System.out.println(rows.getLast());
                }
            }
            System.out.println();
            System.out.println("| endpoint | connections | build | req/s | p50 ms | p99 ms | non-2xx | errors | timeouts |");
            System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    private static String measure(String endpoint, int connections, String base, String label,
                                  LocalPlatform platform, Path votes, Path tokens) throws Exception {
        return switch (endpoint) {
            case "gallery" -> wrk("gallery page 1", connections, label, base + "/api/public/videos?page=1&page_size=20");
            case "rankings" -> wrk("rankings page 1", connections, label,
                    base + "/api/public/rankings?page=1&page_size=20");
            case "city" -> wrk("rankings Cali page 1", connections, label,
                    base + "/api/public/rankings?city=Cali&page=1&page_size=20");
            case "share" -> wrk("share page /v/{id}", connections, label, base + "/v/" + sharedVideo);
            case "search" -> wrk("search \"jugador1\" by votes", connections, label,
                    base + "/api/public/videos?q=jugador1&sort=votes&page=1&page_size=20");
            case "login" -> login(connections, base, label);
            case "login-wrk" -> loginWithWrk(connections, base, label, votes.resolveSibling("login.lua"));
            case "votes" -> hotVotes(connections, base, label, platform, votes, tokens);
            case "spread-votes" -> spreadVotes(connections, base, label, platform, votes, tokens);
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint);
        };
    }

    private static String wrk(String name, int connections, String label, String url) {
        Wrk.run(url, connections, WARMUP, null);
        return row(name, connections, label, Wrk.run(url, connections, SECONDS, null));
    }

    /**
     * The same fans, each voting once for one of many players (new ones, so no fan has voted for them): what a vote
     * costs when no row is hot, to tell a lock's cap from the CPU's.
     */
    private static String spreadVotes(int connections, String base, String label, LocalPlatform platform,
                                      Path script, Path tokens) throws SQLException, IOException {
        try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection()) {
            Wrk.run(base, connections, WARMUP, script, stars(c, 500), tokens.toString());
            return row("votes spread over 500 players", connections, label,
                    Wrk.run(base, connections, SECONDS, script, stars(c, 500), tokens.toString()));
        }
    }

    private static String stars(Connection c, int count) throws SQLException, IOException {
        Path file = Files.createTempFile("anb-stars", ".txt");
        List<String> videos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            videos.add(star(c));
        }
        Files.write(file, videos);
        return file.toString();
    }

    /** Fans vote for a star of their own per run (warm-up too), so every vote is each fan's first on that video. */
    private static String hotVotes(int connections, String base, String label, LocalPlatform platform, Path script,
                                   Path tokens) throws SQLException, IOException {
        try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection()) {
            Wrk.run(base, connections, WARMUP, script, stars(c, 1), tokens.toString());
            String stars = stars(c, 1);
            String video = Files.readString(Path.of(stars)).strip();
            Wrk.Result result = Wrk.run(base, connections, SECONDS, script, stars, tokens.toString());
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT v.vote_count, p.votes, (SELECT count(*) FROM votes WHERE video_id = v.id)
                      FROM videos v JOIN player_scores p ON p.user_id = v.owner_id
                     WHERE v.id = ?""")) {
                s.setObject(1, UUID.fromString(video));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    System.out.printf("star %s: %,d votes stored, video counts %,d, player counts %,d; wrk: %,d"
                            + " requests, %,d not 2xx%n", video, rs.getLong(3), rs.getLong(1), rs.getLong(2),
                            result.requests(), result.non2xx());
                }
            }
            return row("hot votes (one star)", connections, label, result);
        }
    }

    private static String login(int connections, String base, String label) {
        ClosedLoop.Result r = ClosedLoop.inOwnJvm(base + "/api/auth/login",
                "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", connections, WARMUP, SECONDS);
        return "| login (accepted) | %d | %s | %.0f | %.0f | %.0f | %,d shed (503), p99 of all %.0f ms | %d | %d |"
                .formatted(connections, label, r.acceptedPerSecond(), r.acceptedP50(), r.acceptedP99(), r.shed(),
                        r.allP99(), r.other(), r.timeouts());
    }

    /**
     * The same logins from wrk, the issue's own tool: a C client that costs the shared machine far less per refused
     * request than a JVM. Its one latency distribution covers every answer, so only throughput and timeouts count.
     */
    private static String loginWithWrk(int connections, String base, String label, Path script) {
        String url = base + "/api/auth/login";
        Wrk.run(url, connections, WARMUP, script, EMAIL, PASSWORD);
        Wrk.Result r = Wrk.run(url, connections, SECONDS, script, EMAIL, PASSWORD);
        return "| login from wrk (accepted) | %d | %s | %.0f | %.0f (all) | %.0f (all) | %,d shed (503) | %d | %d |"
                .formatted(connections, label, (double) (r.requests() - r.non2xx()) / SECONDS, r.p50(), r.p99(),
                        r.non2xx(), r.errors(), r.timeouts());
    }

    private static String row(String name, int connections, String label, Wrk.Result r) {
        return "| %s | %d | %s | %,.0f | %.1f | %.1f | %d | %d | %d |".formatted(name, connections, label,
                r.requestsPerSecond(), r.p50(), r.p99(), r.non2xx(), r.errors(), r.timeouts());
    }

    /** A new player with one published video and no votes; answers the video's id. */
    private static String star(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                WITH star AS (INSERT INTO users (id, first_name, last_name, email, password_hash, city, country)
                              VALUES (gen_random_uuid(), 'Estrella', 'Bench', gen_random_uuid() || '@star.test', 'x',
                                      'Cali', 'Colombia') RETURNING id)
                INSERT INTO videos (id, owner_id, title, status, original_key, original_bytes, processed_key,
                                    processed_at)
                SELECT gen_random_uuid(), id, 'estrella', 'processed', 'k', 1, 'processed/star.mp4', now() FROM star
                RETURNING id""")) {
            rs.next();
            String video = rs.getString(1);
            s.execute("UPDATE videos SET published_at = now() WHERE id = '" + video + "'");
            return video;
        }
    }

    /** {@link #FANS} accounts made in the database, with a token each as a login would issue. */
    private static List<String> fans(Connection c, TokenService tokens) throws SQLException {
        List<String> lines = new ArrayList<>(FANS);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                INSERT INTO users (id, first_name, last_name, email, password_hash, city, country)
                SELECT gen_random_uuid(), 'Fan', 'Bench', 'fan' || g || '@fans.test', 'x', 'Cali', 'Colombia'
                  FROM generate_series(1, %d) g
                RETURNING id""".formatted(FANS))) {
            while (rs.next()) {
                lines.add(tokens.issue(UUID.fromString(rs.getString(1))));
            }
        }
        return lines;
    }

    private static void signUp(String base) throws IOException, InterruptedException {
        HttpResponse<String> signup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/auth/signup")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Ana\",\"last_name\":\"Carga\","
                        + "\"email\":\"" + EMAIL + "\",\"password1\":\"" + PASSWORD + "\",\"password2\":\""
                        + PASSWORD + "\",\"city\":\"Cali\",\"country\":\"Colombia\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signup.statusCode() != 201) {
            throw new IllegalStateException("sign-up of the login account: " + signup.statusCode() + " " + signup.body());
        }
    }

    /** Copies the wrk scripts next to each other and answers the votes script. */
    private static Path script(Path dir) throws IOException {
        for (String name : List.of("votes.lua", "login.lua")) {
            try (var in = PublicSideBenchmark.class.getResourceAsStream("/wrk/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir.resolve("votes.lua");
    }
}
