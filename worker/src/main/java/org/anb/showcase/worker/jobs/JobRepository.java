package org.anb.showcase.worker.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.core.db.Rows;

/**
 * The worker's status transitions, each one conditional UPDATE. A claim takes a lease ({@code lease_id},
 * {@code lease_expires_at}) that its holder renews while it works; another worker may take the video over only once
 * the lease has expired (its holder died), and of several trying at once exactly one succeeds — the row lock
 * re-checks the condition for the others. Finishing or refusing needs the lease, so a worker that lost its video
 * cannot overwrite what the new holder does. A transition that does not apply changes no row.
 */
public final class JobRepository {
    public static final String DEAD_LETTER_REASON = "processing failed after 5 attempts";

    private final DbClient db;

    public JobRepository(DbClient db) {
        this.db = db;
    }

    /** What a claim found. */
    public sealed interface Claim {
        /** Ours until the lease expires; {@code takeover}: an earlier holder's lease had run out. */
        /** {@code start}: where in the original the player's 30 s begin. */
        record Taken(String originalKey, UUID leaseId, boolean takeover, Duration start) implements Claim {
        }

        /** Another worker holds the video until {@code leaseExpiresAt}. */
        record Busy(Instant leaseExpiresAt) implements Claim {
        }

        /** Processed, failed or deleted: nothing to do. */
        record NothingToDo() implements Claim {
        }
    }

    public Claim claim(UUID videoId, Duration lease) {
        UUID leaseId = UUID.randomUUID();
        var taken = db.execute().query("""
                WITH before AS (SELECT status FROM videos WHERE id = ?)
                UPDATE videos SET status = 'processing', processing_started_at = now(),
                       lease_id = ?, lease_expires_at = now() + make_interval(secs => ?)
                 WHERE id = ? AND (status = 'uploaded'
                       OR (status = 'processing' AND (lease_expires_at IS NULL OR lease_expires_at <= now())))
                RETURNING original_key, start_seconds, (SELECT status FROM before) = 'processing' AS takeover""",
                videoId, leaseId, (double) lease.toSeconds(), videoId).findFirst();
        if (taken.isPresent()) {
            return new Claim.Taken(Rows.text(taken.get(), "original_key"), leaseId, Rows.bool(taken.get(), "takeover"),
                    Duration.ofMillis(taken.get().column("start_seconds").get(java.math.BigDecimal.class)
                            .movePointRight(3).longValue()));
        }
        return db.execute().get("SELECT lease_expires_at FROM videos WHERE id = ? AND status = 'processing' "
                        + "AND lease_expires_at > now()", videoId)
                .<Claim>map(row -> new Claim.Busy(Rows.instant(row, "lease_expires_at")))
                .orElse(new Claim.NothingToDo());
    }

    /** Extends our lease; false if it is no longer ours. */
    public boolean renew(UUID videoId, UUID leaseId, Duration lease) {
        return db.execute().update("""
                UPDATE videos SET lease_expires_at = now() + make_interval(secs => ?)
                 WHERE id = ? AND lease_id = ? AND status = 'processing'""",
                (double) lease.toSeconds(), videoId, leaseId) == 1;
    }

    /** Gives the video back (we stop, or will retry): the next claim need not wait for the lease to run out. */
    public void release(UUID videoId, UUID leaseId) {
        db.execute().update("UPDATE videos SET lease_expires_at = now() WHERE id = ? AND lease_id = ? "
                + "AND status = 'processing'", videoId, leaseId);
    }

    /** Processed, and published unless its owner opted out; false when the lease is no longer ours. */
    public boolean finish(UUID videoId, UUID leaseId, String processedKey, String posterKey) {
        return db.execute().update("""
                UPDATE videos SET status = 'processed', processed_key = ?, poster_key = ?, processed_at = now(),
                       failure_reason = NULL, lease_id = NULL, lease_expires_at = NULL,
                       published_at = CASE WHEN publish_when_processed THEN now() END
                 WHERE id = ? AND status = 'processing' AND lease_id = ?""",
                processedKey, posterKey, videoId, leaseId) == 1;
    }

    /** Failed with a reason for its owner (the input was refused); false when the lease is no longer ours. */
    public boolean reject(UUID videoId, UUID leaseId, String reason) {
        return db.execute().update("""
                UPDATE videos SET status = 'failed', failure_reason = ?, lease_id = NULL, lease_expires_at = NULL
                 WHERE id = ? AND status = 'processing' AND lease_id = ?""", reason, videoId, leaseId) == 1;
    }

    /**
     * Failed after its job was dead-lettered — unless a worker holds a live lease on it (a duplicate message died,
     * not the work); false when nothing changed.
     */
    public boolean failUnlessLeased(UUID videoId, String reason) {
        return db.execute().update("""
                UPDATE videos SET status = 'failed', failure_reason = ?, lease_id = NULL, lease_expires_at = NULL
                 WHERE id = ? AND (status = 'uploaded' OR (status = 'processing'
                       AND (lease_expires_at IS NULL OR lease_expires_at <= now())))""", reason, videoId) == 1;
    }

    public boolean exists(UUID videoId) {
        return db.execute().get("SELECT 1 AS found FROM videos WHERE id = ?", videoId).isPresent();
    }
}
