package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.db.credentials.DatabaseCredentials;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.TestWorkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database password rotates under a running API and worker, as RDS rotates its managed secret: the password
 * changes in PostgreSQL, then in the secret (here the credential file local mode reads, in AWS the Secrets Manager
 * secret), and every open connection ends. Both keep serving and processing, with no restart.
 */
class CredentialRotationTest {

    @Test
    void theApiAndTheWorkerKeepWorkingWhenTheDatabasePasswordRotates(@TempDir Path dir) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of(
                "auth.bcrypt-cost", "4", "worker.receive-wait-seconds", "1", "worker.shutdown-grace-seconds", "0"))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            Player player = api.newPlayer("Cali");
            awaitProcessed(api, player, TestWorkers.uploadClip(api, player));

            String url = platform.config().get("db.connection.url").asString().get();
            CredentialFile secret = platform.databaseCredentials();
            DatabaseCredentials old = secret.read();
            DatabaseCredentials rotated = new DatabaseCredentials(old.username(), "rotated-" + UUID.randomUUID());
            try (Connection c = DriverManager.getConnection(url, old.username(), old.password());
                 Statement s = c.createStatement()) {
                s.execute("ALTER ROLE " + old.username() + " PASSWORD '" + rotated.password() + "'");
            }
            secret.write(rotated);
            // RDS changes the password under open connections without closing them: they keep working. (Hikari may
            // open new ones meanwhile; those read the rotated secret.)
            Player early = api.newPlayer("Pasto"); // sign-up and log-in: both write and read the database
            assertThat(api.get("/api/videos", early.token()).status())
                    .as("the database answers before any connection was closed").isEqualTo(200);
            assertThat(api.get("/api/health", null).status()).isEqualTo(200);
            try (Connection c = DriverManager.getConnection(url, rotated.username(), rotated.password());
                 Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE usename = current_user AND pid <> pg_backend_pid()");
            }
            // Hikari checks a connection idle for over 0.5 s before lending it, so the pools now replace every one.
            Thread.sleep(1_000);
            assertThatThrownBy(() -> DriverManager.getConnection(url, old.username(), old.password()).close())
                    .as("the old password is refused").isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("28P01"));

            assertThat(api.get("/api/health", null).status()).isEqualTo(200);
            Player fan = api.newPlayer("Medellín");
            UUID after = TestWorkers.uploadClip(api, player);
            awaitProcessed(api, player, after);
            assertThat(api.post("/api/public/videos/" + after + "/vote", fan.token(), null).status()).isEqualTo(200);
            assertThat(api.get("/api/public/rankings", null).status()).isEqualTo(200);
        }
    }

    private static void awaitProcessed(ApiClient api, Player player, UUID videoId) {
        TestWorkers.await(Duration.ofMinutes(2), "video " + videoId + " to be processed", () ->
                "processed".equals(api.get("/api/videos/" + videoId, player.token()).body().path("status").asText()));
    }
}
