package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anb.showcase.app.ApiServer;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.MetricValues;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits belong to the deployment: two API instances on one database (behind a simulated trusted proxy, so each
 * test has a client address of its own) spend one budget, and instances started afresh — a deploy, a scale-out —
 * find it spent. Counted where it matters: the password checks the login throttle lets through.
 */
class SharedLimitsTest {
    /**
     * Each instance as in production, with small budgets; bcrypt may wait its turn as long as it takes (the default
     * 500 ms sheds sign-ups with 503 on a loaded CI machine, after they took their budget, and the count is lost).
     */
    private static final Map<String, String> INSTANCE = Map.of("server.port", "0", "auth.trusted-proxy-hops", "1",
            "auth.login-throttle.client-failures", "50", "limits.signup.per-client", "3",
            "uploads.max-bytes-per-day", "1", "auth.hash-wait-ms", "60000");

    private final List<ApiServer> instances = new ArrayList<>();

    @BeforeEach
    void twoInstances() {
        startTwo();
    }

    @AfterEach
    void stopThem() {
        instances.forEach(ApiServer::close);
        instances.clear();
    }

    @Test
    void parallelWrongPasswordsOverTwoInstancesReachThePasswordCheckOnlyAsOftenAsOneInstanceAllows() throws Exception {
        Player owner = TestPlatform.api().newPlayer("Cali");
        String client = "198.51.100." + (1 + (int) (Math.random() * 200));
        double checksBefore = passwordChecks();

        List<Reply> replies = spread(128, (api, i) -> api.from(client).post("/api/auth/login", null,
                Map.of("email", owner.email(), "password", "adivina-" + i)));

        assertThat(replies).filteredOn(r -> r.status() == 401).as("the account's budget from one client").hasSize(5);
        assertThat(replies).filteredOn(r -> r.status() == 429).hasSize(123);
        assertThat(passwordChecks() - checksBefore).as("passwords actually compared").isEqualTo(5.0);

        restartBoth();
        Reply afterRestart = client(0).from(client).post("/api/auth/login", null,
                Map.of("email", owner.email(), "password", ApiClient.PASSWORD));
        assertThat(afterRestart.status()).as("a restart brings no fresh budget").isEqualTo(429);
        assertThat(afterRestart.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 15 * 60L);
    }

    @Test
    void signUpsOverTwoInstancesShareOneBudgetThatSurvivesARestart() throws Exception {
        String client = "198.51.100." + (1 + (int) (Math.random() * 200));

        List<Reply> replies = spread(12, (api, i) -> api.from(client).post("/api/auth/signup", null,
                ApiClient.signupBody("Granja", "granja-" + UUID.randomUUID() + "@example.com", "Cali")));

        assertThat(replies).extracting(Reply::raw).as("created or refused, nothing else")
                .allMatch(raw -> raw.contains("Usuario creado") || raw.contains("Demasiadas solicitudes"));
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(3);
        assertThat(replies).filteredOn(r -> r.status() == 429).hasSize(9);
        restartBoth();
        assertThat(client(1).from(client).post("/api/auth/signup", null,
                ApiClient.signupBody("Granja", "granja-" + UUID.randomUUID() + "@example.com", "Cali")).status())
                .isEqualTo(429);
    }

    @Test
    void parallelUploadsOverTwoInstancesCannotAllPassTheDailyQuota() throws Exception {
        Player player = TestPlatform.api().newPlayer("Cali");

        List<Reply> replies = spread(32, (api, i) -> api.upload(player.token(), ApiClient.Multipart.builder()
                .file("video_file", SampleVideos.smallMp4()).field("title", "cuota " + i)));

        assertThat(replies).extracting(Reply::status).as("a quota of 1 byte: the first upload only")
                .containsOnly(201, 429).filteredOn(status -> status == 201).hasSize(1);
        assertThat(TestPlatform.api().get("/api/videos", player.token()).body()).hasSize(1);
    }

    private interface Call {
        Reply on(ApiClient api, int index) throws Exception;
    }

    /** {@code count} requests at once (released together), alternating between the two instances. */
    private List<Reply> spread(int count, Call call) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Reply> task = () -> {
                    ready.countDown();
                    ready.await();
                    return call.on(client(index % 2), index);
                };
                futures.add(pool.submit(task));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        }
    }

    private ApiClient client(int instance) {
        return ApiClient.at("http://localhost:" + instances.get(instance).port());
    }

    private void startTwo() {
        for (int i = 0; i < 2; i++) {
            instances.add(ApiServer.start(TestPlatform.platform().configWith(INSTANCE)));
        }
    }

    private void restartBoth() {
        stopThem();
        startTwo();
    }

    /** The counter is the JVM's: every instance in this test process adds to it. */
    private double passwordChecks() {
        return MetricValues.sum(client(0), "anb_api_password_checks_total");
    }
}
