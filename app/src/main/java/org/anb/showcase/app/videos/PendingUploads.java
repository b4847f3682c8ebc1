package org.anb.showcase.app.videos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;
import org.anb.showcase.core.db.Rows;

/**
 * The direct_uploads table: forms signed but not yet completed. Each change is one conditional statement, so
 * concurrent requests cannot both win it.
 */
final class PendingUploads {
    private final DbClient db;

    PendingUploads(DbClient db) {
        this.db = db;
    }

    /** What a completion found. */
    enum Claim { CLAIMED, ALREADY_COMPLETING, NONE }

    /**
     * Records a new form unless the owner already has {@code maxPending} open ones; answers whether it did. The
     * owner's advisory lock makes the count and the insert one step for that owner (parallel requests queue).
     */
    boolean open(UUID videoId, UUID ownerId, String stagingKey, Instant expiresAt, int maxPending) {
        DbTransaction tx = db.transaction();
        try {
            tx.get("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS l",
                    "direct-uploads:" + ownerId);
            long open = tx.get("SELECT count(*) AS n FROM direct_uploads WHERE owner_id = ? AND expires_at > now()",
                    ownerId).map(row -> Rows.number(row, "n")).orElse(0L);
            if (open >= maxPending) {
                tx.rollback();
                return false;
            }
            tx.insert("INSERT INTO direct_uploads (video_id, owner_id, staging_key, expires_at) VALUES (?, ?, ?, ?)",
                    videoId, ownerId, stagingKey, java.sql.Timestamp.from(expiresAt));
            tx.commit();
            return true;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    /** When the soonest of the owner's open forms expires (for Retry-After). */
    Optional<Instant> soonestExpiry(UUID ownerId) {
        return db.execute().get("SELECT min(expires_at) AS soonest FROM direct_uploads WHERE owner_id = ? "
                + "AND expires_at > now()", ownerId).map(row -> Rows.instant(row, "soonest"));
    }

    /**
     * Claims the owner's unexpired form for completion: exactly one of concurrent completions gets
     * {@link Claim#CLAIMED}.
     */
    Claim claim(UUID videoId, UUID ownerId) {
        long claimed = db.execute().update("""
                UPDATE direct_uploads SET completing_at = now()
                 WHERE video_id = ? AND owner_id = ? AND completing_at IS NULL AND expires_at > now()""",
                videoId, ownerId);
        if (claimed == 1) {
            return Claim.CLAIMED;
        }
        return db.execute().get("SELECT 1 AS found FROM direct_uploads WHERE video_id = ? AND owner_id = ? "
                + "AND completing_at IS NOT NULL", videoId, ownerId).isPresent() ? Claim.ALREADY_COMPLETING : Claim.NONE;
    }

    /** The completion is over (registered or refused): the form is forgotten. */
    void close(UUID videoId) {
        db.execute().delete("DELETE FROM direct_uploads WHERE video_id = ?", videoId);
    }

    /** Removes forms expired more than {@code grace} ago and answers their staging keys. */
    List<String> takeExpired(Duration grace, int limit) {
        return db.execute().query("""
                DELETE FROM direct_uploads
                 WHERE video_id IN (SELECT video_id FROM direct_uploads
                                     WHERE expires_at < now() - make_interval(secs => ?)
                                     ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING staging_key""", (double) grace.toSeconds(), limit)
                .map(row -> Rows.text(row, "staging_key")).toList();
    }
}
