package org.anb.showcase.worker;

import java.nio.file.Path;
import java.time.Duration;

import io.helidon.config.Config;

/** The {@code worker} config subtree, read once. */
public record WorkerSettings(int concurrency, Duration visibilityTimeout, Duration retryDelay, Duration receiveWait,
                             Duration shutdownGrace, String preset, Path workDir,
                             boolean deadLetterHandler, Duration queueUnreachableLimit, Duration schemaPatience) {

    public static WorkerSettings from(Config worker) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new WorkerSettings(
                // x264 already uses every core; two encodes per core pair keeps them busy without thrashing.
                worker.get("concurrency").asInt().orElse(Math.max(1, cores / 2)),
                seconds(worker, "visibility-timeout-seconds", 60),
                seconds(worker, "retry-delay-seconds", 15),
                seconds(worker, "receive-wait-seconds", 20),
                seconds(worker, "shutdown-grace-seconds", 10),
                worker.get("x264-preset").asString().orElse("veryfast"),
                worker.get("work-dir").asString().map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "anb-worker")),
                worker.get("dead-letter-handler").asBoolean().orElse(true),
                // Past this without reaching the queue, liveness fails and the instance's group replaces it.
                seconds(worker, "queue-unreachable-limit-seconds", 300),
                // How long a worker waits for its release's API to migrate the schema before it gives up (and restarts).
                seconds(worker, "schema-wait-seconds", 900));
    }

    /** A claim holds its video this long without renewal: two visibility timeouts, renewed every third of it. */
    public Duration lease() {
        return visibilityTimeout.multipliedBy(2);
    }

    /** Extend a job's visibility this often: three heartbeats fit in one timeout. */
    public Duration heartbeatEvery() {
        return visibilityTimeout.dividedBy(3);
    }

    private static Duration seconds(Config config, String key, long fallback) {
        return Duration.ofSeconds(config.get(key).asLong().orElse(fallback));
    }
}
