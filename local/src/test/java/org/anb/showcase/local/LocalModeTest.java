package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestWorkers;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.SyntheticClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher behind the README's run command: it comes up healthy and keeps its data between runs, environment
 * variables override any key as the README says, and it is up only when every part is.
 */
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

    @Test
    void extraApiPortsStartMoreInstancesOnTheSameServersAndKey(@TempDir Path dataDir) {
        LocalSettings one = LocalSettings.ephemeral(dataDir);
        LocalSettings settings = new LocalSettings(one.dataDir(), one.apiPort(), one.postgresPort(), one.sqsPort(),
                one.s3Port(), one.workerPort(), one.smtpPort(), one.imapPort(), List.of(LocalSettings.freePort()));
        try (LocalPlatform platform = LocalPlatform.start(settings, Map.of("auth.bcrypt-cost", "4",
                "worker.enabled", "false"))) {
            ApiClient main = ApiClient.at(platform.apiUrl());
            ApiClient extra = ApiClient.at("http://localhost:" + settings.extraApiPorts().getFirst());
            ApiClient.Player player = main.newPlayer("Cali");
            assertThat(extra.get("/api/videos", player.token()).status()).as("one JWT key").isEqualTo(200);
            assertThat(extra.post("/api/auth/login", null, Map.of("email", player.email(), "password",
                    ApiClient.PASSWORD)).status()).as("one database").isEqualTo(200);
            assertThat(extra.get("/", null).status()).as("the site too").isEqualTo(200);
        }
    }

    @Test
    void anEnvironmentVariableLowersTheMinimumDurationSoAShortClipIsProcessed(@TempDir Path dataDir) throws Exception {
        Path clip = SyntheticClip.make(FfmpegTools.bundled(), dataDir, 320, 180, 4, false);
        Map<String, String> environment = Map.of("WORKER_MEDIA_MIN_DASH_DURATION_DASH_SECONDS", "2");
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dataDir),
                Map.of("auth.bcrypt-cost", "4", "worker.receive-wait-seconds", "1"), environment)) {
            assertThat(platform.config().get("worker.media.min-duration-seconds").asInt().get()).isEqualTo(2);
            ApiClient api = ApiClient.at(platform.apiUrl());
            ApiClient.Player player = api.newPlayer("Cali");
            Reply upload = api.upload(player.token(), ApiClient.Multipart.builder().file("video_file", clip)
                    .field("title", "Cuatro segundos"));
            assertThat(upload.status()).as(upload.raw()).isEqualTo(201);
            String video = "/api/videos/" + upload.body().path("video_id").asText();

            TestWorkers.await(Duration.ofSeconds(90), "the short clip to be processed",
                    () -> !List.of("uploaded", "processing").contains(api.get(video, player.token()).body()
                            .path("status").asText()));
            assertThat(api.get(video, player.token()).body().path("status").asText()).isEqualTo("processed");
        }
    }

    @Test
    void theCallersOverridesStillBeatTheEnvironment(@TempDir Path dataDir) {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dataDir),
                Map.of("auth.bcrypt-cost", "4", "worker.enabled", "false", "uploads.max-bytes", "1000"),
                Map.of("UPLOADS_MAX_DASH_BYTES", "2000", "AUTH_ISSUER", "from-the-environment"))) {
            assertThat(platform.config().get("uploads.max-bytes").asInt().get()).isEqualTo(1000);
            assertThat(platform.config().get("auth.issuer").asString().get()).isEqualTo("from-the-environment");
        }
    }

    @Test
    void aWorkerThatCannotRunFfmpegStopsThePlatformBeforeTheApiListens(@TempDir Path dataDir) {
        LocalSettings settings = LocalSettings.ephemeral(dataDir);
        Path missing = dataDir.resolve("no-such-ffmpeg");

        assertThatThrownBy(() -> LocalPlatform.start(settings, Map.of("worker.ffmpeg-path", missing.toString(),
                "worker.ffprobe-path", missing.toString())))
                .satisfies(e -> assertThat(StartupFailure.explain(e, settings))
                        .contains("cannot run on this machine").contains("worker.ffmpeg-path")
                        .doesNotContain("\n"));
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("localhost", settings.apiPort()), 500))
                    .as("the API never started listening").isInstanceOf(java.io.IOException.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTakenPortStopsThePlatformWithOneLineNamingTheVariablesThatMoveIt(@TempDir Path dataDir) throws Exception {
        LocalSettings settings = LocalSettings.ephemeral(dataDir);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(settings.apiPort())) {
            assertThatThrownBy(() -> LocalPlatform.start(settings, Map.of("worker.enabled", "false")))
                    .satisfies(e -> assertThat(StartupFailure.explain(e, settings))
                            .startsWith("a port it needs is taken")
                            .contains("ANB_API_PORT (" + settings.apiPort() + ")")
                            .doesNotContain("\n"));
        }
    }
}
