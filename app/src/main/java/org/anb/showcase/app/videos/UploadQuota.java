package org.anb.showcase.app.videos;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;
import org.anb.showcase.app.http.TooManyRequestsException;
import org.anb.showcase.core.db.Rows;

/**
 * How much a player may upload: {@code uploads.max-bytes-per-day} over the last 24 hours, whichever way the bytes
 * came. Checked before an upload starts, so a player at the limit is told at once (429 with Retry-After); the check
 * also <em>reserves</em> room for the upload in flight ({@code upload_reservations}), under the owner's advisory lock,
 * so parallel uploads — on one API instance or several — see each other and cannot all pass one check. As before, the
 * one upload in flight when the limit is reached may finish.
 */
final class UploadQuota {
    private final DbClient db;
    private final UploadLimits limits;

    UploadQuota(DbClient db, UploadLimits limits) {
        this.db = db;
        this.limits = limits;
    }

    /**
     * Room for one upload of {@code declaredBytes} (capped at the largest upload allowed), held until {@code lifetime}
     * passes or it is released; or 429 when the owner's day is used up.
     */
    Reservation reserve(UUID ownerId, UUID reservationId, long declaredBytes, Duration lifetime) {
        long bytes = Math.min(declaredBytes, limits.maxBytes());
        DbTransaction tx = db.transaction();
        Instant roomAt;
        try {
            tx.get("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS l",
                    "upload-quota:" + ownerId);
            var used = tx.get("""
                    SELECT (SELECT coalesce(sum(original_bytes), 0) FROM videos
                             WHERE owner_id = ? AND uploaded_at > now() - interval '1 day')
                         + (SELECT coalesce(sum(bytes), 0) FROM upload_reservations
                             WHERE owner_id = ? AND expires_at > now()) AS bytes,
                           least((SELECT min(uploaded_at) + interval '1 day' FROM videos
                                   WHERE owner_id = ? AND uploaded_at > now() - interval '1 day'),
                                 (SELECT min(expires_at) FROM upload_reservations
                                   WHERE owner_id = ? AND expires_at > now())) AS room_at""",
                    ownerId, ownerId, ownerId, ownerId).orElseThrow();
            if (Rows.number(used, "bytes") < limits.maxBytesPerDay()) {
                tx.insert("INSERT INTO upload_reservations (id, owner_id, bytes, expires_at) VALUES (?, ?, ?, ?)",
                        reservationId, ownerId, bytes, Timestamp.from(Instant.now().plus(lifetime)));
                tx.commit();
                return new Reservation(reservationId);
            }
            roomAt = Rows.instant(used, "room_at");
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        tx.rollback();
        throw new TooManyRequestsException("Alcanzaste el límite de carga de hoy ("
                + limits.maxBytesPerDay() / (1024 * 1024) + " MB). Intenta de nuevo más tarde.",
                Duration.between(Instant.now(), roomAt));
    }

    /** Ends a reservation: its upload is registered (its video now counts) or abandoned. */
    void release(UUID reservationId) {
        db.execute().delete("DELETE FROM upload_reservations WHERE id = ? OR expires_at < now() - interval '1 day'",
                reservationId);
    }

    /** Room held for one upload in flight; closing it gives the room back. */
    final class Reservation implements AutoCloseable {
        private final UUID id;

        private Reservation(UUID id) {
            this.id = id;
        }

        @Override
        public void close() {
            release(id);
        }
    }
}
