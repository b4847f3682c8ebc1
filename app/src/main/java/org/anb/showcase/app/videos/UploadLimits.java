package org.anb.showcase.app.videos;

import java.time.Duration;
import java.util.Locale;

import io.helidon.config.Config;

/** The {@code uploads} config subtree. */
public record UploadLimits(long maxBytes, Duration directUploadValidity, Duration requeueAfter, Duration sweepEvery,
                           int maxPendingDirectUploads, long maxBytesPerDay) {
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    public static UploadLimits from(Config config) {
        return new UploadLimits(
                config.get("max-bytes").asLong().orElse(DEFAULT_MAX_BYTES),
                Duration.ofSeconds(config.get("direct-upload-ttl-seconds").asLong().orElse(900L)),
                Duration.ofSeconds(config.get("requeue-after-seconds").asLong().orElse(300L)),
                Duration.ofSeconds(config.get("sweep-interval-seconds").asLong().orElse(60L)),
                config.get("max-pending-direct-uploads").asInt().orElse(5),
                config.get("max-bytes-per-day").asLong().orElse(10 * DEFAULT_MAX_BYTES));
    }

    /** What a client reads when its file is over the limit, on either upload path. */
    String tooLargeMessage() {
        return "El archivo supera el tamaño máximo de " + maxBytes / (1024 * 1024) + " MB.";
    }

    /** The same when the client declared the file's size before sending it: its size beside the limit. */
    String tooLargeMessage(long declaredBytes) {
        return String.format(Locale.forLanguageTag("es"), "El archivo pesa %.1f MB; el máximo es %d MB.",
                declaredBytes / (1024.0 * 1024), maxBytes / (1024 * 1024));
    }
}
