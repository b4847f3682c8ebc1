package org.anb.showcase.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.altcha.altcha.Altcha;
import org.anb.showcase.app.ApiServer;
import org.anb.showcase.app.auth.TokenService;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;

/**
 * Issue 23's figures. (1) What keeping the limits in PostgreSQL costs: login, sign-up and vote at 32 connections
 * against two API instances of one platform, side by side in one run — the deployment's (budgets in PostgreSQL) and
 * one with {@code limits.store: memory} (the per-instance budgets of before) — interleaved memory, shared, shared,
 * memory. Every budget is set far above the load, so each request still takes its tokens but none is refused.
 * (2) What the sign-up challenge costs a script: its own CPU per sign-up, challenge off and on.
 *
 * <p>Run: {@code ./mvnw -pl loadtest -am -Pbench-accounts verify -DskipTests [-Dbench.seconds=15]
 * [-Dbench.warmup=10] [-Dbench.signups=40]}.
 */
public final class AccountsBenchmark {
    private static final String PASSWORD = "bench-password-2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "1000000000";
    private static final Map<String, String> NO_REFUSALS = Map.of("worker.enabled", "false",
            "auth.login-throttle.account-client-failures", HUGE, "auth.login-throttle.client-failures", HUGE,
            "auth.login-throttle.account-failures", HUGE, "limits.signup.per-client", HUGE,
            "limits.vote.per-client", HUGE, "limits.concurrent-per-client", "100000",
            // bcrypt waits its turn instead of being shed: the figures are latencies of accepted requests
            "auth.hash-wait-ms", "60000", "auth.hash-queue", "100000");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AccountsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        int warmup = Integer.getInteger("bench.warmup", 10);
        Path dir = Files.createTempDirectory("anb-accounts-bench");
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), NO_REFUSALS);
             ApiServer memory = ApiServer.start(platform.configWith(Map.of("server.port", "0",
                     "limits.store", "memory")))) {
            Map<String, String> bases = Map.of("shared", platform.apiUrl(),
                    "memory", "http://localhost:" + memory.port());
            Votes votes = Votes.seed(platform);
            List<String> logins = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                logins.add(signup(platform.apiUrl(), "login-" + i + "-" + UUID.randomUUID() + "@bench.example", null));
            }
            System.out.println("| operation | limits in | req/s | p50 ms | p99 ms | other answers |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            for (String operation : List.of("vote", "login", "signup")) {
                for (String store : List.of("memory", "shared", "shared", "memory")) {
                    String base = bases.get(store);
                    Supplier<HttpRequest> next = switch (operation) {
                        case "vote" -> votes.next(base);
                        case "login" -> () -> post(base + "/api/auth/login", Map.of("email",
                                logins.get((int) (SEQUENCE.incrementAndGet() % logins.size())), "password", PASSWORD));
                        default -> () -> post(base + "/api/auth/signup", signupBody(
                                "s-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID() + "@bench.example", null));
                    };
                    ClosedLoop.Result r = ClosedLoop.run(next, operation.equals("signup") ? 201 : 200, 32, warmup,
                            seconds);
                    System.out.printf("| %s | %s | %,.0f | %.1f | %.1f | %d |%n", operation, store,
                            r.acceptedPerSecond(), r.acceptedP50(), r.acceptedP99(),
                            r.shed() + r.timeouts() + r.other());
                }
            }
            challengeCost(platform);
        }
    }

    /** The client's own CPU per sign-up, sequentially, challenge off then on (ALTCHA's solver, as a script would). */
    private static void challengeCost(LocalPlatform platform) throws Exception {
        int signups = Integer.getInteger("bench.signups", 40);
        String base = platform.apiUrl();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println();
        System.out.println("| sign-up challenge | sign-ups | client CPU ms per sign-up | sign-ups per client CPU-second |");
        System.out.println("|---|---:|---:|---:|");
        for (boolean on : new boolean[] {false, true}) {
            try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("DELETE FROM contest");
                if (on) {
                    s.execute("INSERT INTO contest (name, signup_challenge, ballot_key) VALUES ('Bench', true, "
                            + "decode(md5(random()::text) || md5(random()::text), 'hex'))");
                }
            }
            Thread.sleep(1_500); // the edition is read afresh each second
            signup(base, "warm-" + UUID.randomUUID() + "@bench.example", on ? solve(base) : null);
            long before = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < signups; i++) {
                String solution = on ? solve(base) : null;
                signup(base, "c-" + UUID.randomUUID() + "@bench.example", solution);
            }
            double msEach = (cpu.getCurrentThreadCpuTime() - before) / 1e6 / signups;
            System.out.printf("| %s | %d | %.1f | %.0f |%n", on ? "on" : "off", signups, msEach, 1000 / msEach);
        }
    }

    private static String solve(String base) throws Exception {
        JsonNode challenge = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/challenge"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        long number = Altcha.solveChallenge(challenge.path("challenge").asText(), challenge.path("salt").asText(),
                Altcha.Algorithm.SHA256, challenge.path("maxnumber").asLong(), 0).number;
        Map<String, Object> payload = Map.of("algorithm", challenge.path("algorithm").asText(),
                "challenge", challenge.path("challenge").asText(), "number", number,
                "salt", challenge.path("salt").asText(), "signature", challenge.path("signature").asText());
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String signup(String base, String email, String altcha) throws Exception {
        HttpResponse<String> answer = HTTP.send(post(base + "/api/auth/signup", signupBody(email, altcha)),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("sign-up refused: " + answer.body());
        }
        return email;
    }

    private static Map<String, Object> signupBody(String email, String altcha) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("first_name", "Bench", "last_name", "Mark",
                "email", email, "password1", PASSWORD, "password2", PASSWORD, "city", "Cali", "country", "Colombia"));
        if (altcha != null) {
            body.put("altcha", altcha);
        }
        return body;
    }

    private static HttpRequest post(String url, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Published videos and fans with tokens, seeded in SQL: each vote is a new (fan, video) pair. */
    private record Votes(List<String> videos, List<String> fanTokens) {
        static Votes seed(LocalPlatform platform) throws Exception {
            int fans = 6_000;
            int videos = 300;
            TokenService tokens = TokenService.from(platform.config().get("auth"));
            List<String> fanTokens = new ArrayList<>();
            List<String> videoIds = new ArrayList<>();
            try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO users (first_name, last_name, email, password_hash, city, country)
                        SELECT 'Fan', 'Bench', 'fan-' || g || '@bench.example', 'x', 'Cali', 'Colombia'
                          FROM generate_series(1, %d) g""".formatted(fans));
                s.execute("""
                        INSERT INTO videos (id, owner_id, title, original_key, original_bytes, status, processed_key,
                                            processed_at)
                        SELECT gen_random_uuid(), id, 'video', 'uploads/x.mp4', 1, 'processed', 'processed/x.mp4', now()
                          FROM users WHERE email LIKE 'fan-%%' ORDER BY email LIMIT %d""".formatted(videos));
                s.execute("UPDATE videos SET published_at = now() WHERE title = 'video'"); // enters the rankings
                try (var rs = s.executeQuery("SELECT id FROM users WHERE email LIKE 'fan-%'")) {
                    while (rs.next()) {
                        fanTokens.add(tokens.issue(UUID.fromString(rs.getString(1))));
                    }
                }
                try (var rs = s.executeQuery("SELECT id FROM videos")) {
                    while (rs.next()) {
                        videoIds.add(rs.getString(1));
                    }
                }
            }
            return new Votes(videoIds, fanTokens);
        }

        Supplier<HttpRequest> next(String base) {
            return () -> {
                long k = SEQUENCE.incrementAndGet();
                String video = videos.get((int) (k % videos.size()));
                String token = fanTokens.get((int) ((k / videos.size()) % fanTokens.size()));
                return HttpRequest.newBuilder(URI.create(base + "/api/public/videos/" + video + "/vote"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
            };
        }
    }
}
