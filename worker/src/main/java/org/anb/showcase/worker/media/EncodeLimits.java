package org.anb.showcase.worker.media;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * How much of the machine one encode may take, from the {@code worker} config subtree: a time budget that grows with
 * the length of the clip (a hostile file that decodes slowly is stopped, a long honest one is not), decoder threads,
 * and a cap on ffmpeg's address space so a file crafted to make the decoder allocate without end fails alone.
 */
public record EncodeLimits(Duration baseTime, Duration timePerInputSecond, int decodeThreads, long memoryBytes) {

    public static EncodeLimits from(Config worker) {
        EncodeLimits defaults = defaults();
        return new EncodeLimits(
                Duration.ofSeconds(worker.get("encode-timeout-base-seconds").asLong().orElse(defaults.baseTime.toSeconds())),
                Duration.ofSeconds(worker.get("encode-timeout-per-input-second").asLong()
                        .orElse(defaults.timePerInputSecond.toSeconds())),
                worker.get("decode-threads").asInt().orElse(defaults.decodeThreads),
                worker.get("ffmpeg-memory-mb").asLong().orElse(defaults.memoryBytes >> 20) << 20);
    }

    /** 60 s + 15 s per second of input (30 s of 8K HEVC takes about 3 minutes on 2 cores), 4 threads, 4 GiB. */
    public static EncodeLimits defaults() {
        return new EncodeLimits(Duration.ofSeconds(60), Duration.ofSeconds(15),
                Math.min(4, Runtime.getRuntime().availableProcessors()), 4096L << 20);
    }

    /** The time one encode of {@code inputUsed} of a clip may take. */
    public Duration timeoutFor(Duration inputUsed) {
        return baseTime.plus(timePerInputSecond.multipliedBy(Math.max(1, (inputUsed.toMillis() + 999) / 1000)));
    }
}
