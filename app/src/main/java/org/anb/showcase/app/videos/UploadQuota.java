package org.anb.showcase.app.videos;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.http.TooManyRequestsException;
import org.anb.showcase.core.db.Rows;

/**
 * How much a player may upload: {@code uploads.max-bytes-per-day} over the last 24 hours, whichever way the bytes
 * came. Checked before an upload starts, so a player at the limit is told at once (429 with Retry-After: when the
 * oldest upload of the day leaves the window); the one upload in flight when the limit is reached may finish.
 */
final class UploadQuota {
    private static final Duration DAY = Duration.ofDays(1);

    private final DbClient db;
    private final UploadLimits limits;

    UploadQuota(DbClient db, UploadLimits limits) {
        this.db = db;
        this.limits = limits;
    }

    void requireRoomToUpload(UUID ownerId) {
        db.execute().get("""
                SELECT coalesce(sum(original_bytes), 0) AS bytes, min(uploaded_at) AS oldest FROM videos
                 WHERE owner_id = ? AND uploaded_at > now() - interval '1 day'""", ownerId)
                .filter(row -> Rows.number(row, "bytes") >= limits.maxBytesPerDay())
                .ifPresent(row -> {
                    Duration wait = Duration.between(Instant.now(), Rows.instant(row, "oldest").plus(DAY));
                    throw new TooManyRequestsException("Alcanzaste el límite de carga de hoy ("
                            + limits.maxBytesPerDay() / (1024 * 1024) + " MB). Intenta de nuevo más tarde.", wait);
                });
    }
}
