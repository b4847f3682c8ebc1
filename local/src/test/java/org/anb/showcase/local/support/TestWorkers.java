package org.anb.showcase.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.anb.showcase.worker.WorkerService;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.SyntheticClip;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Workers against the shared test platform, with short timers, and real clips for them to process. */
public final class TestWorkers {
    private static Path clip;

    private TestWorkers() {
    }

    /** A worker with its own work directory; {@code overrides} are {@code worker.*} keys. */
    public static WorkerService start(Path workDir, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "worker.server.port", "0",
                "worker.work-dir", workDir.toString(),
                "worker.concurrency", "1",
                "worker.receive-wait-seconds", "1",
                "worker.retry-delay-seconds", "1",
                "worker.visibility-timeout-seconds", "6",
                "worker.shutdown-grace-seconds", "0"));
        config.putAll(overrides);
        return WorkerService.start(TestPlatform.platform().configWith(config));
    }

    /** The worker's liveness (its receiver runs and reaches the queue), from its health port. */
    public static boolean receiving(WorkerService worker) {
        return ApiClient.at("http://localhost:" + worker.observePort()).get("/observe/health/live", null).status() == 200;
    }

    /** Uploads {@link #realClip()} through the multipart API and returns its video id. */
    public static UUID uploadClip(ApiClient api, ApiClient.Player player) {
        ApiClient.Reply reply = api.upload(player.token(), ApiClient.Multipart.builder()
                .file("video_file", realClip()).field("title", "jugada"));
        if (reply.status() != 201) {
            throw new IllegalStateException("upload failed: " + reply.raw());
        }
        return UUID.fromString(reply.body().path("video_id").asText());
    }

    /** A real 21 s 640×360 H.264 MP4, made once per test run. */
    public static synchronized Path realClip() {
        if (clip == null) {
            try {
                clip = SyntheticClip.make(FfmpegTools.bundled(), Files.createTempDirectory("anb-clips"), 640, 360, 21, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return clip;
    }

    /** Nothing waiting and nothing in flight on the jobs queue. */
    public static boolean jobsQueueIsEmpty() {
        var queue = TestPlatform.queue();
        var attributes = queue.client().getQueueAttributes(b -> b.queueUrl(queue.jobsQueueUrl()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
