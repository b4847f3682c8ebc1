package org.anb.showcase.worker.media;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * What an input must be to be processed: the {@code worker.media} config subtree. The caps keep a hostile file from
 * exhausting the machine before anything is decoded: frame size, frame rate, and how many tracks it may carry.
 */
public record MediaRules(Duration minDuration, Duration maxDuration, int maxWidth, int maxHeight, double maxFrameRate,
                         int maxStreams) {

    public static MediaRules from(Config media) {
        MediaRules defaults = defaults();
        return new MediaRules(
                Duration.ofMillis((long) (media.get("min-duration-seconds").asDouble().orElse(20.0) * 1000)),
                Duration.ofMillis((long) (media.get("max-duration-seconds").asDouble().orElse(60.0) * 1000)),
                media.get("max-width").asInt().orElse(defaults.maxWidth),
                media.get("max-height").asInt().orElse(defaults.maxHeight),
                media.get("max-frame-rate").asDouble().orElse(defaults.maxFrameRate),
                media.get("max-streams").asInt().orElse(defaults.maxStreams));
    }

    /** 20–60 s, up to 8K (either way up), 240 fps, 16 tracks (phones write 3–6: video, audio, metadata, timecode). */
    public static MediaRules defaults() {
        return new MediaRules(Duration.ofSeconds(20), Duration.ofSeconds(60), 7680, 4320, 240, 16);
    }

    public MediaRules withDurations(Duration min, Duration max) {
        return new MediaRules(min, max, maxWidth, maxHeight, maxFrameRate, maxStreams);
    }

    /** The frame fits the cap in landscape or in portrait (a phone held upright stores 2160×3840 as often as 3840×2160). */
    boolean frameFits(int width, int height) {
        return Math.max(width, height) <= Math.max(maxWidth, maxHeight)
                && Math.min(width, height) <= Math.min(maxWidth, maxHeight);
    }
}
