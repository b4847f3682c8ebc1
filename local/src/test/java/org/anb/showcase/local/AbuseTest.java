package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People who attack on purpose, against a platform behind a (simulated) trusted proxy, so each test client has its
 * own address in X-Forwarded-For: account farming, vote stuffing, and a guesser trying to lock an owner out.
 */
class AbuseTest {
    @TempDir
    static Path dir;
    private static LocalPlatform platform;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of("worker.enabled", "false",
                "auth.bcrypt-cost", "4", "auth.trusted-proxy-hops", "1",
                "limits.signup.per-client", "3", "limits.vote.per-client", "3"));
        api = ApiClient.at(platform.apiUrl());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void signUpsFromOneClientAreLimitedWithRetryAfterAndOtherClientsAreNot() {
        ApiClient farm = api.from("203.0.113.10");
        for (int i = 0; i < 3; i++) {
            farm.newPlayer("Cali");
        }
        Reply refused = farm.post("/api/auth/signup", null,
                ApiClient.signupBody("Bot", "bot-" + UUID.randomUUID() + "@example.com", "Cali"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.message()).startsWith("Demasiadas solicitudes.");
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 3600L);
        api.from("203.0.113.11").newPlayer("Cali");
        api.from("2001:db8:aa:1::1").newPlayer("Cali");
        api.from("2001:db8:aa:1::2").newPlayer("Cali");
        api.from("2001:db8:aa:1:ffff::3").newPlayer("Cali");
        assertThat(api.from("2001:db8:aa:1::4").post("/api/auth/signup", null,
                ApiClient.signupBody("Bot", "bot-" + UUID.randomUUID() + "@example.com", "Cali")).status())
                .as("one IPv6 host: its whole /64 is one client").isEqualTo(429);
    }

    @Test
    void votesFromOneClientAreLimited() {
        ApiClient stadium = api.from("198.51.100.20");
        Player star = api.from("198.51.100.21").newPlayer("Cali");
        TestDatabase db = new TestDatabase(DatabasePool.unpooled(platform.config().get("db")));
        List<UUID> videos = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID video = api.uploadSample(star, "jugada " + i);
            db.markProcessed(video);
            videos.add(video);
        }
        Player fan = api.from("198.51.100.22").newPlayer("Cali");
        for (int i = 0; i < 3; i++) {
            assertThat(stadium.post("/api/public/videos/" + videos.get(i) + "/vote", fan.token(), null).status())
                    .isEqualTo(200);
        }
        Reply refused = stadium.post("/api/public/videos/" + videos.get(3) + "/vote", fan.token(), null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.from("198.51.100.23").post("/api/public/videos/" + videos.get(3) + "/vote", fan.token(), null)
                .status()).isEqualTo(200);
    }

    @Test
    void aGuesserCannotLockTheOwnerOutAndRotatingIpv6AddressesDoesNotHelp() {
        Player owner = api.from("192.0.2.50").newPlayer("Cali");
        for (int i = 0; i < 10; i++) {
            int status = api.from("2001:db8:bad:1::" + Integer.toHexString(i + 1))
                    .post("/api/auth/login", null, Map.of("email", owner.email(), "password", "guess-" + i)).status();
            assertThat(status).as("guess " + i).isEqualTo(i < 5 ? 401 : 429);
        }
        assertThat(api.from("192.0.2.50").post("/api/auth/login", null,
                Map.of("email", owner.email(), "password", ApiClient.PASSWORD)).status())
                .as("the owner, from their own client").isEqualTo(200);
    }
}
