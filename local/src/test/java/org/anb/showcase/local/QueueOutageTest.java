package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.app.ApiServer;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.BucketInspector;
import org.anb.showcase.local.support.QueueProbe;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** An upload is accepted only once its job is on the queue; nothing is stranded or half-done. */
class QueueOutageTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void whenTheQueueCannotBeReachedTheUploadIs503AndNothingIsKept() {
        int deadPort = freePort();
        try (ApiServer cutOff = ApiServer.start(TestPlatform.platform().configWith(Map.of(
                "server.port", "0", "queue.endpoint", "http://localhost:" + deadPort)))) {
            ApiClient isolated = ApiClient.at("http://localhost:" + cutOff.port());
            Player player = isolated.newPlayer("Cali");

            Reply reply = isolated.upload(player.token(), Multipart.builder()
                    .file("video_file", SampleVideos.smallMp4()).field("title", "sin cola"));

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.message()).isNotBlank();
            assertThat(reply.raw()).doesNotContain("Exception");
            assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE owner_id = ?", player.id()))
                    .isZero();
            assertThat(BucketInspector.keysUnder(ObjectKeys.UPLOADS_PREFIX + player.id() + "/")).isEmpty();

            Reply health = isolated.get("/api/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("checks").path("queue").asText()).isEqualTo("DOWN");
            assertThat(health.body().path("checks").path("database").asText()).isEqualTo("UP");
        }
    }

    @Test
    void theSweeperReEnqueuesUploadsThatWaitedTooLong() throws InterruptedException {
        Player player = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(player, "olvidado");
        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(10))).as("the original job").isTrue();

        // As if the job had been lost an hour ago (a crash between the row and the send, a purged queue...), with
        // no other job waiting (other tests' uploads would otherwise wait on this queue that no worker reads).
        QueueProbe.purgeJobs();
        TestPlatform.database().update(
                "UPDATE videos SET last_enqueued_at = now() - interval '2 hours' WHERE id = ?", videoId);

        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(15))).as("the re-enqueued job").isTrue();
        assertThat(TestPlatform.database().count(
                "SELECT count(*) FROM videos WHERE id = ? AND last_enqueued_at > now() - interval '1 minute'",
                videoId)).isEqualTo(1);
    }

    @Test
    void whileJobsWaitTheSweeperSendsNoSecondCopyOfAnUploadThenSendsItOnceTheQueueDrains() throws InterruptedException {
        Player player = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(player, "en fila");
        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(10))).as("the original job").isTrue();
        QueueProbe.purgeJobs();
        var queue = TestPlatform.queue();
        queue.send(new org.anb.showcase.core.queue.ProcessingJob(UUID.randomUUID())); // the workers are behind
        TestPlatform.database().update(
                "UPDATE videos SET last_enqueued_at = now() - interval '2 hours' WHERE id = ?", videoId);
        Thread.sleep(3_000); // three sweeps (one a second)
        assertThat(TestPlatform.database().count(
                "SELECT count(*) FROM videos WHERE id = ? AND last_enqueued_at < now() - interval '1 hour'", videoId))
                .as("not re-sent while a job waits").isEqualTo(1);
        assertThat(queue.waitingJobs()).isEqualTo(1);

        QueueProbe.purgeJobs(); // the workers caught up
        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(15))).as("re-sent once nothing waits").isTrue();
    }

    @Test
    void theSweeperSendsBackAVideoWhoseWorkerDiedAndWhoseJobIsGone() {
        Player player = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(player, "huérfano");
        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(10))).as("the original job").isTrue();

        // A worker claimed it an hour ago, died, and its message is gone (dead-lettered while it held the lease).
        TestPlatform.database().update("""
                UPDATE videos SET status = 'processing', lease_id = gen_random_uuid(),
                       lease_expires_at = now() - interval '110 minutes', last_enqueued_at = now() - interval '2 hours'
                 WHERE id = ?""", videoId);

        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(15))).as("the re-enqueued job").isTrue();
        assertThat(api.get("/observe/metrics", null).raw())
                .containsPattern("anb_api_requeued_jobs_total\\{[^}]*status=\"processing\"[^}]*} [1-9]");
    }

    @Test
    void healthIsUpWhenEveryDependencyAnswers() {
        Reply health = api.get("/api/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(api.get("/api/health/live", null).status()).isEqualTo(200);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
