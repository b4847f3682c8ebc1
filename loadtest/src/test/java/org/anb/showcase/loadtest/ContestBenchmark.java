package org.anb.showcase.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.app.auth.TokenService;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;

/**
 * Issue 22's figures for running an edition at scale, through the real API of the local platform: 100,000 players
 * with about a million votes, an edition whose voting has just closed; then the integrity view of the most-voted
 * video, the alerts over every video, publishing the results (standings and every ballot frozen), reading them and
 * downloading ballots.csv — whose recount is checked against the published total. Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -pl loadtest -am -Pbench-contest verify -DskipTests [-Dbench.players=100000]
 * [-Dbench.votes-per-player=11]}.
 */
public final class ContestBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ContestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int players = Integer.getInteger("bench.players", 100_000);
        int votesPerPlayer = Integer.getInteger("bench.votes-per-player", 11);
        Path dir = Files.createTempDirectory("anb-contest-bench");
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir),
                Map.of("worker.enabled", "false"))) {
            String base = platform.apiUrl();
            String token;
            String topVideo;
            long votes;
            try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection();
                 Statement s = c.createStatement()) {
                long started = System.nanoTime();
                votes = BenchData.seed(c, players, votesPerPlayer);
                System.out.printf("seeded %,d players and %,d votes in %.0f s%n", players, votes,
                        (System.nanoTime() - started) / 1e9);
                s.execute("""
                        INSERT INTO contest (name, voting_open_at, voting_close_at, ballot_key)
                        VALUES ('Bench', now() - interval '2 days', now(), decode(md5(random()::text) || md5(random()::text), 'hex'))""");
                UUID organizer = UUID.randomUUID();
                s.execute("INSERT INTO users (id, first_name, last_name, email, password_hash, city, country, role) "
                        + "VALUES ('" + organizer + "', 'Org', 'Bench', 'org@bench.example', 'x', 'Cali', 'Colombia', "
                        + "'organizer')");
                token = TokenService.from(platform.config().get("auth")).issue(organizer);
                try (ResultSet rs = s.executeQuery("SELECT id, vote_count FROM videos ORDER BY vote_count DESC LIMIT 1")) {
                    rs.next();
                    topVideo = rs.getString(1);
                    System.out.printf("most-voted video: %,d votes%n", rs.getLong(2));
                }
            }
            Thread.sleep(1_500); // the edition cache's second, and the close time safely past

            List<String> rows = new ArrayList<>();
            rows.add(row("integrity view, most-voted video (20 runs after 5)",
                    times(base + "/api/admin/videos/" + topVideo + "/integrity", token, 5, 20)));
            rows.add(row("alerts over every video (3 runs after 1)", times(base + "/api/admin/alerts", token, 1, 3)));
            long publishStart = System.nanoTime();
            HttpResponse<String> published = send(base + "/api/admin/results/publish", token, "POST");
            double publishMs = (System.nanoTime() - publishStart) / 1e6;
            if (published.statusCode() != 200) {
                throw new IllegalStateException("publish: " + published.statusCode() + " " + published.body());
            }
            rows.add("| publish results (" + published.body() + ") | 1 | " + Math.round(publishMs) + " | — |");
            rows.add(row("results page 1 (20 runs after 5)", times(base + "/api/public/results", null, 5, 20)));
            long csvStart = System.nanoTime();
            HttpResponse<String> csv = send(base + "/api/public/results/ballots.csv", null, "GET");
            double csvMs = (System.nanoTime() - csvStart) / 1e6;
            long lines = csv.body().lines().count() - 1;
            rows.add("| ballots.csv (" + String.format("%,d", lines) + " ballots, "
                    + csv.body().length() / 1_000_000 + " MB) | 1 | " + Math.round(csvMs) + " | — |");
            System.out.println();
            System.out.printf("%,d votes; the recount of ballots.csv counts %,d ballots%n", votes, lines);
            System.out.println("| operation | runs | p50 ms | max ms |");
            System.out.println("|---|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    private static List<Double> times(String url, String token, int warmup, int runs) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(url, token, "GET");
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
            }
            if (i >= warmup) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(ms);
        return ms;
    }

    private static String row(String name, List<Double> ms) {
        return "| " + name + " | " + ms.size() + " | " + Math.round(ms.get(ms.size() / 2)) + " | "
                + Math.round(ms.getLast()) + " |";
    }

    private static HttpResponse<String> send(String url, String token, String method) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
