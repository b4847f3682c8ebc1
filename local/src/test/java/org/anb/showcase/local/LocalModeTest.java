package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher behind the README's run command: it comes up healthy and keeps its data between runs. */
class LocalModeTest {

    @Test
    void defaultsServeTheApiOn8080WithDataInTheWorkingDirectory() {
        LocalSettings defaults = LocalSettings.fromEnvironment();
        if (System.getenv("ANB_API_PORT") == null) {
            assertThat(defaults.apiPort()).isEqualTo(8080);
        }
        if (System.getenv("ANB_DATA_DIR") == null) {
            assertThat(defaults.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        }
    }

    @Test
    void thePlatformStartsHealthyAndKeepsAccountsAcrossRestarts(@TempDir Path dataDir) {
        LocalSettings settings = LocalSettings.ephemeral(dataDir);
        String email;
        try (LocalPlatform first = LocalPlatform.start(settings, Map.of("auth.bcrypt-cost", "4", "worker.receive-wait-seconds", "1"))) {
            ApiClient api = ApiClient.at(first.apiUrl());
            assertThat(api.get("/api/health", null).status()).isEqualTo(200);
            email = api.newPlayer("Cali").email();
        }
        try (LocalPlatform second = LocalPlatform.start(settings, Map.of("auth.bcrypt-cost", "4", "worker.receive-wait-seconds", "1"))) {
            Reply login = ApiClient.at(second.apiUrl()).post("/api/auth/login", null,
                    Map.of("email", email, "password", ApiClient.PASSWORD));
            assertThat(login.status()).isEqualTo(200);
        }
    }
}
