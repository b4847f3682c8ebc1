package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestWorkers;
import org.anb.showcase.worker.WorkerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQS server crashes and comes back empty: uploads during the outage get 503 and leave nothing behind, the
 * job that was waiting in the lost queue is re-enqueued by the sweeper, and a worker that started while the queue
 * was away reconnects by itself and processes it. No accepted upload is lost. While the queue stays unreachable past
 * its limit, the worker's liveness fails (in AWS its group replaces it), and it is alive again once the queue answers.
 */
class QueueRestartTest {

    @Test
    void aQueueCrashLosesNoAcceptedUpload(@TempDir Path dir) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir.resolve("platform")), Map.of(
                "auth.bcrypt-cost", "4", "worker.enabled", "false",
                "uploads.requeue-after-seconds", "3", "uploads.sweep-interval-seconds", "1"))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            Player player = api.newPlayer("Cali");
            UUID waiting = upload(api, player, 201);

            platform.stopQueue(); // the waiting job is lost with the broker's memory
            Reply refused = api.upload(player.token(), Multipart.builder()
                    .file("video_file", TestWorkers.realClip()).field("title", "durante la caída"));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(api.get("/api/videos", player.token()).body()).as("the refused upload left no row").hasSize(1);

            try (WorkerService worker = WorkerService.start(platform.configWith(Map.of(
                    "worker.server.port", "0", "worker.work-dir", dir.resolve("worker").toString(),
                    "worker.receive-wait-seconds", "1", "worker.retry-delay-seconds", "1",
                    "worker.visibility-timeout-seconds", "6", "worker.shutdown-grace-seconds", "0",
                    "worker.queue-unreachable-limit-seconds", "2")))) {
                String live = "http://localhost:" + worker.observePort() + "/observe/health/live";
                // The worker starts while the queue is away and keeps retrying; past the limit it says it is not
                // alive, so in AWS its group replaces it.
                TestWorkers.await(Duration.ofSeconds(30), "liveness to fail", () -> status(live) == 503);
                platform.startQueue();
                UUID after = upload(api, player, 201);
                for (UUID videoId : new UUID[] {waiting, after}) {
                    TestWorkers.await(Duration.ofMinutes(3), "video " + videoId + " processed", () -> "processed".equals(
                            api.get("/api/videos/" + videoId, player.token()).body().path("status").asText()));
                }
                assertThat(status(live)).as("alive again once the queue answers").isEqualTo(200);
            }
        }
    }

    private static int status(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static UUID upload(ApiClient api, Player player, int expected) {
        Reply reply = api.upload(player.token(), Multipart.builder()
                .file("video_file", TestWorkers.realClip()).field("title", "jugada"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(expected);
        return UUID.fromString(reply.body().path("video_id").asText());
    }
}
