package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.ProcessingJob;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.BucketInspector;
import org.anb.showcase.local.support.QueueProbe;
import org.anb.showcase.local.support.TestPlatform;
import org.anb.showcase.local.support.TestWorkers;
import org.anb.showcase.worker.WorkerService;
import org.anb.showcase.worker.jobs.JobRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At-least-once delivery, exactly-once effect: duplicates, a worker stopped mid-encode, a job that keeps failing. */
class WorkerReliabilityTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void theSameJobTwiceIsProcessedOnce(@TempDir Path workDir) {
        try (WorkerService worker = TestWorkers.start(workDir, Map.of())) {
            Player player = api.newPlayer("Cali");
            UUID videoId = uploadRealClip(player);
            awaitStatus(videoId, "processed", Duration.ofMinutes(2));
            long processedBefore = worker.metrics().count("processed");
            long skippedBefore = worker.metrics().count("skipped");
            String processedAt = processedAt(videoId);

            TestPlatform.queue().send(new ProcessingJob(videoId));
            TestPlatform.queue().send(new ProcessingJob(videoId));
            // What the name claims, observed: each duplicate's claim found the video done and did nothing.
            TestWorkers.await(Duration.ofSeconds(30), "both duplicates to be skipped",
                    () -> worker.metrics().count("skipped") - skippedBefore == 2);
            TestWorkers.await(Duration.ofSeconds(30), "both duplicates to be consumed", TestWorkers::jobsQueueIsEmpty);

            assertThat(status(videoId)).isEqualTo("processed");
            assertThat(worker.metrics().count("processed")).isEqualTo(processedBefore);
            assertThat(processedAt(videoId)).isEqualTo(processedAt);
            assertThat(BucketInspector.keysUnder(ObjectKeys.processed(videoId))).hasSize(1);
        }
    }

    @Test
    void aWorkerStoppedMidEncodeGivesTheJobBackAndAnotherFinishesItOnce(@TempDir Path workDir) throws IOException {
        // Only this test's job on the queue: "visible again" below counts it.
        QueueProbe.purgeJobs();
        Player player = api.newPlayer("Cali");
        UUID videoId;
        Path firstDir = Files.createDirectories(workDir.resolve("first"));
        // Long enough that only close() can give the job back in time (the suite's default is 6 s).
        try (WorkerService first = TestWorkers.start(firstDir, Map.of("worker.visibility-timeout-seconds", "60"))) {
            videoId = uploadRealClip(player);
            awaitStatus(videoId, "processing", Duration.ofMinutes(1));
            TestWorkers.await(Duration.ofSeconds(30), "ffmpeg to be encoding", () -> hasEncoderOutput(firstDir));
        } // close(): stop receiving, abort the encode (grace 0), make the message visible again
        assertThat(filesUnder(firstDir.resolve("jobs"))).as("no temp files left by the stopped worker").isZero();
        assertThat(status(videoId)).isEqualTo("processing");
        // close() itself gave both back: the lease (120 s) and the message's visibility (60 s) would not have run
        // out for a minute, so without it the wait below would fail.
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ? AND lease_expires_at <= now()",
                videoId)).as("the lease released at once").isOne();
        TestWorkers.await(Duration.ofSeconds(5), "the message to be visible again", () ->
                TestPlatform.queue().waitingJobs() == 1);

        try (WorkerService second = TestWorkers.start(Files.createDirectories(workDir.resolve("second")), Map.of())) {
            awaitStatus(videoId, "processed", Duration.ofMinutes(2));
        }
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ? AND lease_id IS NULL", videoId))
                .isOne();
        assertThat(BucketInspector.keysUnder(ObjectKeys.processed(videoId))).hasSize(1);
        assertThat(BucketInspector.keysUnder(ObjectKeys.poster(videoId))).hasSize(1);
    }

    @Test
    void aLiveLeaseIsRespectedAndAnExpiredOneIsTakenOverExactlyOnce(@TempDir Path workDir) throws IOException {
        // Only this test's jobs: the counts below are over every job the workers run.
        QueueProbe.purgeJobs();
        Player player = api.newPlayer("Cali");
        UUID videoId = uploadRealClip(player);
        QueueProbe.purgeJobs();

        try (WorkerService first = TestWorkers.start(Files.createDirectories(workDir.resolve("a")), Map.of());
             WorkerService second = TestWorkers.start(Files.createDirectories(workDir.resolve("b")), Map.of())) {
            // The lease starts only once both workers receive: their start-up is not raced against it.
            TestWorkers.await(Duration.ofSeconds(30), "both workers to be receiving",
                    () -> TestWorkers.receiving(first) && TestWorkers.receiving(second));
            // The workers' meters are the JVM's (shared by every worker of the suite): count from here.
            long processedBefore = first.metrics().count("processed");
            long busyBefore = first.metrics().count("busy");
            // A worker claimed it and then died: its lease runs 4 more seconds and will never be renewed.
            TestPlatform.database().update("""
                    UPDATE videos SET status = 'processing', processing_started_at = now(), lease_id = gen_random_uuid(),
                           lease_expires_at = now() + interval '4 seconds' WHERE id = ?""", videoId);
            String deadLeaseEnds = TestPlatform.database().text(
                    "SELECT to_char(lease_expires_at, 'YYYY-MM-DD HH24:MI:SS.US') FROM videos WHERE id = ?", videoId);
            TestPlatform.queue().send(new ProcessingJob(videoId)); // two messages: each worker gets one
            TestPlatform.queue().send(new ProcessingJob(videoId));
            awaitStatus(videoId, "processed", Duration.ofMinutes(2));
            TestWorkers.await(Duration.ofSeconds(30), "the duplicate to be consumed", TestWorkers::jobsQueueIsEmpty);
            assertThat(first.metrics().count("processed") - processedBefore).as("encoded and recorded once")
                    .isEqualTo(1);
            assertThat(first.metrics().count("busy") - busyBefore).as("the live lease sent the messages back")
                    .isPositive();
            assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ? "
                    + "AND processing_started_at >= CAST(? AS timestamptz)", videoId, deadLeaseEnds))
                    .as("nobody started on it before the dead worker's lease ran out").isOne();
        }
        assertThat(BucketInspector.keysUnder(ObjectKeys.processed(videoId))).hasSize(1);
    }

    @Test
    void aMessageThatIsNotAJobIsDroppedAtOnceAndCountedMalformed(@TempDir Path workDir) {
        QueueProbe.purgeJobs();
        try (WorkerService worker = TestWorkers.start(workDir, Map.of())) {
            long malformedBefore = worker.metrics().count("malformed");
            long deadLetteredBefore = worker.metrics().count("dead_lettered");
            JobQueue queue = TestPlatform.queue();
            queue.client().sendMessage(b -> b.queueUrl(queue.jobsQueueUrl()).messageBody("not a job at all"));
            TestWorkers.await(Duration.ofSeconds(30), "the message to be counted malformed",
                    () -> worker.metrics().count("malformed") > malformedBefore);
            // Deleted, not hidden for a retry: nothing waits and nothing is in flight.
            TestWorkers.await(Duration.ofSeconds(10), "the message to be deleted", TestWorkers::jobsQueueIsEmpty);
            assertThat(worker.metrics().count("malformed")).as("read once, never again").isEqualTo(malformedBefore + 1);
            assertThat(worker.metrics().count("dead_lettered")).as("deleted, not left to reach the dead-letter queue")
                    .isEqualTo(deadLetteredBefore);
        }
    }

    @Test
    void whatAKilledWorkerLeftInItsJobsDirectoryIsRemovedAtStart(@TempDir Path workDir) throws IOException {
        Path leftover = Files.createDirectories(workDir.resolve("jobs").resolve("a-killed-job"));
        Files.write(leftover.resolve("broadcast.mp4"), new byte[1024]);
        try (WorkerService worker = TestWorkers.start(workDir, Map.of())) {
            assertThat(leftover).as("a killed run's downloads and encodes are never resumed").doesNotExist();
        }
    }

    @Test
    void aJobThatKeepsFailingEndsInTheDeadLetterQueueAndTheVideoShowsFailed(@TempDir Path workDir) {
        Player player = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(player, "original perdido");
        // A transient failure on every attempt: the original is gone from the bucket.
        TestPlatform.store().delete(ObjectKeys.original(player.id(), videoId));

        try (WorkerService worker = TestWorkers.start(workDir, Map.of())) {
            awaitStatus(videoId, "failed", Duration.ofMinutes(1));
        }
        assertThat(api.get("/api/videos/" + videoId, player.token()).body().path("failure_reason").asText())
                .isEqualTo(JobRepository.DEAD_LETTER_REASON);
    }

    private UUID uploadRealClip(Player player) {
        var reply = api.upload(player.token(), Multipart.builder()
                .file("video_file", TestWorkers.realClip()).field("title", "jugada"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return UUID.fromString(reply.body().path("video_id").asText());
    }

    private static void awaitStatus(UUID videoId, String expected, Duration timeout) {
        TestWorkers.await(timeout, "status " + expected, () -> expected.equals(status(videoId)));
    }

    private static String status(UUID videoId) {
        return TestPlatform.database().text("SELECT status FROM videos WHERE id = ?", videoId);
    }

    private static String processedAt(UUID videoId) {
        return TestPlatform.database().text("SELECT processed_at::text FROM videos WHERE id = ?", videoId);
    }

    private static boolean hasEncoderOutput(Path workDir) {
        try (Stream<Path> files = Files.walk(workDir.resolve("jobs"))) {
            return files.anyMatch(f -> f.getFileName().toString().equals("broadcast.mp4"));
        } catch (IOException e) {
            return false;
        }
    }

    private static long filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
