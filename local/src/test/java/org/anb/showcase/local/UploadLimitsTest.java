package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.helidon.config.Config;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.BucketInspector;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 100 MB limit is enforced while streaming, and the API's heap does not grow with the upload. */
class UploadLimitsTest {
    private static final long MIB = 1024 * 1024;

    private final ApiClient api = TestPlatform.api();

    @Test
    void anUploadOverTheLimitIsRefusedAndLeavesNoObjectNoPartsAndNoRow(@TempDir Path dir) {
        Player player = api.newPlayer("Cali");
        Path tooBig = SampleVideos.mp4File(dir, 101 * MIB);

        Reply reply = api.upload(player.token(), Multipart.builder().field("title", "demasiado grande")
                .file("video_file", tooBig));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").path("video_file").asText()).contains("100 MB");
        String prefix = ObjectKeys.UPLOADS_PREFIX + player.id() + "/";
        assertThat(BucketInspector.keysUnder(prefix)).isEmpty();
        assertThat(BucketInspector.pendingMultipartUploadsUnder(prefix)).isZero();
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE owner_id = ?", player.id())).isZero();
    }

    @Test
    void aSixtyMegabyteUploadSucceedsOnAnApiWhoseHeapIsCappedAt64Megabytes(@TempDir Path dir) throws Exception {
        Path video = SampleVideos.mp4File(dir, 60 * MIB);
        Process api64 = startApiWithHeap("64m", dir.resolve("api.log"));
        try {
            ApiClient smallApi = awaitReady(api64, dir.resolve("api.log"));
            Player player = smallApi.newPlayer("Cali");
            Reply reply = smallApi.upload(player.token(), Multipart.builder().field("title", "grande")
                    .file("video_file", video));

            assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
            UUID videoId = UUID.fromString(reply.body().path("video_id").asText());
            assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId))).contains(60 * MIB);
            assertThat(api64.isAlive()).isTrue();
        } finally {
            api64.destroy();
            api64.waitFor();
        }
    }

    /** The production entry point in its own JVM, configured by system properties to use the test servers. */
    private static Process startApiWithHeap(String heap, Path log) throws IOException {
        Config config = TestPlatform.platform().config();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path")));
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String key : List.of("db.connection.url", "db.credentials.file", "storage.endpoint",
                "storage.path-style", "storage.bucket", "storage.access-key-id", "storage.secret-access-key",
                "queue.endpoint", "queue.access-key-id", "queue.secret-access-key", "auth.jwt-secret",
                "auth.bcrypt-cost")) {
            settings.put(key, config.get(key).asString().get());
        }
        settings.put("server.port", "0");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("org.anb.showcase.app.Main");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static ApiClient awaitReady(Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            var port = Files.readAllLines(log).stream().filter(l -> l.contains("listening on port"))
                    .map(l -> l.replaceAll(".*listening on port (\\d+).*", "$1")).findFirst();
            if (port.isPresent()) {
                String base = "http://localhost:" + port.get();
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return ApiClient.at(base);
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("API did not start:\n" + Files.readString(log));
    }
}
