package org.anb.showcase.worker.media;

import java.time.Duration;

import io.helidon.config.Config;

/** What an input must be to be processed: the {@code worker.media} config subtree. */
public record MediaRules(Duration minDuration, Duration maxDuration, int maxWidth, int maxHeight) {

    public static MediaRules from(Config media) {
        return new MediaRules(
                Duration.ofMillis((long) (media.get("min-duration-seconds").asDouble().orElse(20.0) * 1000)),
                Duration.ofMillis((long) (media.get("max-duration-seconds").asDouble().orElse(60.0) * 1000)),
                media.get("max-width").asInt().orElse(7680),
                media.get("max-height").asInt().orElse(4320));
    }

    public static MediaRules defaults() {
        return new MediaRules(Duration.ofSeconds(20), Duration.ofSeconds(60), 7680, 4320);
    }
}
