package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.app.ApiServer;
import org.anb.showcase.app.auth.TokenService;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.MetricValues;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthApiTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void signupCreatesAPlayerWhoCanLogIn() {
        String email = "ana-" + UUID.randomUUID() + "@example.com";
        Reply signup = api.post("/api/auth/signup", null, ApiClient.signupBody("Ana", email, "Bogotá"));
        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.message()).isEqualTo("Usuario creado exitosamente.");
        assertThat(signup.body().path("user_id").asText()).isNotBlank();

        Reply login = api.post("/api/auth/login", null, Map.of("email", email.toUpperCase(), "password", ApiClient.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.body().path("expires_in").asInt()).isEqualTo(3600);
        assertThat(api.get("/api/videos", login.body().path("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void onlyOneHashIsStoredNeverThePassword() {
        String email = "hash-" + UUID.randomUUID() + "@example.com";
        api.post("/api/auth/signup", null, ApiClient.signupBody("Ana", email, "Cali"));
        assertThat(TestPlatform.database().count(
                "SELECT count(*) FROM users WHERE email = ? AND password_hash LIKE '$2a$%' AND password_hash <> ?",
                email, ApiClient.PASSWORD)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_name", "last_name", "email", "password1", "password2", "city", "country"})
    void everyFieldIsRequiredAndNamedWhenMissing(String field) {
        Map<String, Object> body = new HashMap<>(ApiClient.signupBody("Ana", "x-" + UUID.randomUUID() + "@example.com", "Cali"));
        body.remove(field);
        Reply reply = api.post("/api/auth/signup", null, body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").has(field)).as(reply.raw()).isTrue();

        body.put(field, "   ");
        Reply blank = api.post("/api/auth/signup", null, body);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("errors").has(field)).as(blank.raw()).isTrue();
    }

    @Test
    void malformedEmailMismatchedAndWeakPasswordsAreNamed() {
        Map<String, Object> body = new HashMap<>(ApiClient.signupBody("Ana", "not-an-email", "Cali"));
        body.put("password1", "short");
        body.put("password2", "other");
        Reply reply = api.post("/api/auth/signup", null, body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").fieldNames()).toIterable()
                .contains("email", "password1", "password2");
    }

    @Test
    void duplicateEmailIsRefusedWhateverItsCase() {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/auth/signup", null, ApiClient.signupBody("Ana", email, "Cali")).status()).isEqualTo(201);
        Reply again = api.post("/api/auth/signup", null, ApiClient.signupBody("Ana", email.toUpperCase(), "Cali"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("errors").has("email")).isTrue();
    }

    @Test
    void badJsonIsA400NotA500() {
        assertThat(api.postRaw("/api/auth/signup", null, "{not json").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/auth/signup", null, "[1,2]").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/auth/login", null, "").status()).isEqualTo(400);
        Reply wrongTypes = api.postRaw("/api/auth/signup", null, "{\"first_name\": 5, \"email\": []}");
        assertThat(wrongTypes.status()).isEqualTo(400);
        assertThat(wrongTypes.body().path("errors").has("first_name")).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        ApiClient.Player player = api.newPlayer("Cali");
        Reply wrongPassword = api.post("/api/auth/login", null, Map.of("email", player.email(), "password", "wrong-pass"));
        Reply unknown = api.post("/api/auth/login", null, Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com",
                "password", "wrong-pass"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.raw()).isEqualTo(wrongPassword.raw());
    }

    @Test
    void aRefusedLoginSaysWhenToComeBackAndIsAcceptedOnceTheWindowRefills() throws Exception {
        try (ApiServer shortWindow = ApiServer.start(TestPlatform.platform().configWith(Map.of("server.port", "0",
                "auth.login-throttle.window-seconds", "3")))) {
            ApiClient client = ApiClient.at("http://localhost:" + shortWindow.port());
            ApiClient.Player player = client.newPlayer("Cali");
            for (int i = 0; i < 5; i++) {
                assertThat(client.post("/api/auth/login", null, Map.of("email", player.email(), "password", "guess-" + i))
                        .status()).isEqualTo(401);
            }
            Reply blocked = client.post("/api/auth/login", null, Map.of("email", player.email(), "password", ApiClient.PASSWORD));
            assertThat(blocked.status()).isEqualTo(429);
            long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).as("whole seconds, within the window").isBetween(1L, 3L);
            Thread.sleep(retryAfter * 1000);
            assertThat(client.post("/api/auth/login", null, Map.of("email", player.email(), "password", ApiClient.PASSWORD))
                    .status()).as("back after Retry-After").isEqualTo(200);
        }
    }

    @Test
    void repeatedFailedLoginsForOneAccountAreRefusedWith429() {
        ApiClient.Player player = api.newPlayer("Cali");
        ApiClient.Player bystander = api.newPlayer("Cali");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/login", null, Map.of("email", player.email(), "password", "guess-" + i))
                    .status()).isEqualTo(401);
        }
        var blocked = api.send(api.request("/api/auth/login", null).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + player.email()
                        + "\",\"password\":\"" + ApiClient.PASSWORD + "\"}")).build());
        assertThat(blocked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(blocked.message()).contains("Demasiados intentos");
        assertThat(api.post("/api/auth/login", null, Map.of("email", bystander.email(), "password", ApiClient.PASSWORD))
                .status()).as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void parallelGuessesGetNoMorePasswordChecksThanSerialOnes() throws Exception {
        ApiClient.Player player = api.newPlayer("Cali");
        double checksBefore = MetricValues.sum(api, "anb_api_password_checks_total");
        java.util.List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 128; i++) {
                String guess = "guess-" + i;
                guesses.add(threads.submit(() -> {
                    start.await();
                    return api.post("/api/auth/login", null, Map.of("email", player.email(), "password", guess))
                            .status();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (var guess : guesses) {
                byStatus.merge(guess.get(), 1, Integer::sum);
            }
            assertThat(byStatus).as("5 checked (401), the rest refused before any check").containsOnlyKeys(401, 429)
                    .containsEntry(401, 5).containsEntry(429, 123);
        }
        assertThat(MetricValues.sum(api, "anb_api_password_checks_total") - checksBefore)
                .as("passwords actually compared (the hasher's own counter)").isEqualTo(5.0);
    }

    @Test
    void passwordsLongerThanBcryptTakesAre401AtLoginForKnownAndUnknownAccountsAnd400AtSignup() {
        ApiClient.Player player = api.newPlayer("Cali");
        String overlong = "ñ".repeat(40); // 80 bytes in UTF-8
        for (String email : new String[] {player.email(), "nobody-" + UUID.randomUUID() + "@example.com"}) {
            Reply login = api.post("/api/auth/login", null, Map.of("email", email, "password", overlong));
            assertThat(login.status()).as(login.raw()).isEqualTo(401);
            assertThat(login.message()).isEqualTo("Correo o contraseña incorrectos.");
        }
        var body = new HashMap<>(ApiClient.signupBody("Ana", "long-" + UUID.randomUUID() + "@example.com", "Cali"));
        body.put("password1", overlong);
        body.put("password2", overlong);
        Reply signup = api.post("/api/auth/signup", null, body);
        assertThat(signup.status()).isEqualTo(400);
        assertThat(signup.body().path("errors").path("password1").asText()).contains("72 bytes");
    }

    @Test
    void loggingOutRevokesThatTokenOnTheServerAndNoOther() {
        ApiClient.Player player = api.newPlayer("Cali");
        String other = api.post("/api/auth/login", null, Map.of("email", player.email(), "password", ApiClient.PASSWORD))
                .body().path("access_token").asText();
        Reply logout = api.post("/api/auth/logout", player.token(), null);
        assertThat(logout.status()).as(logout.raw()).isEqualTo(200);
        assertThat(logout.message()).isEqualTo("Sesión cerrada.");

        assertThat(api.get("/api/videos", player.token()).status()).as("the logged-out token").isEqualTo(401);
        assertThat(api.post("/api/auth/logout", player.token(), null).status()).isEqualTo(401);
        assertThat(api.get("/api/videos", other).status()).as("the player's other session").isEqualTo(200);
        assertThat(api.post("/api/auth/logout", null, null).status()).isEqualTo(401);
    }

    @Test
    void missingForgedExpiredAndForeignTokensAre401() {
        ApiClient.Player player = api.newPlayer("Cali");
        String secret = TestPlatform.platform().config().get("auth.jwt-secret").asString().get();
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        String expired = new TokenService(key, "anb-showcase", Duration.ofSeconds(-120)).issue(player.id());
        String otherIssuer = new TokenService(key, "someone-else", Duration.ofHours(1)).issue(player.id());
        String otherKey = new TokenService("x".repeat(48).getBytes(StandardCharsets.UTF_8), "anb-showcase",
                Duration.ofHours(1)).issue(player.id());
        String[] parts = player.token().split("\\.");
        String algNone = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (String token : new String[] {null, "garbage", expired, otherIssuer, otherKey, algNone, tampered}) {
            Reply reply = api.get("/api/videos", token);
            assertThat(reply.status()).as("token %s", token).isEqualTo(401);
            assertThat(reply.message()).isNotBlank();
        }
    }

    @Test
    void tokenOfADeletedUserIs401() {
        ApiClient.Player player = api.newPlayer("Cali");
        TestPlatform.database().update("DELETE FROM users WHERE id = ?", player.id());
        assertThat(api.get("/api/videos", player.token()).status()).isEqualTo(401);
    }
}
