package org.anb.showcase.worker.jobs;

import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.core.db.Rows;

/**
 * The worker's status transitions, each a conditional UPDATE: {@code uploaded|processing → processing},
 * {@code processing → processed}, {@code uploaded|processing → failed}. A transition that does not apply changes no
 * row, which is how a duplicate or late message finds out it has nothing to do.
 */
public final class JobRepository {
    public static final String DEAD_LETTER_REASON = "processing failed after 5 attempts";

    private final DbClient db;

    public JobRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Takes the video for processing. A video already {@code processing} is taken again: its previous worker died
     * or gave it back, which is why its message was delivered again.
     */
    public Optional<String> claim(UUID videoId) {
        return db.execute().query("""
                UPDATE videos SET status = 'processing', processing_started_at = now()
                 WHERE id = ? AND status IN ('uploaded', 'processing')
                RETURNING original_key""", videoId)
                .findFirst().map(row -> Rows.text(row, "original_key"));
    }

    /** Processed, and published unless its owner opted out; false when the row is no longer ours to finish. */
    public boolean finish(UUID videoId, String processedKey, String posterKey) {
        return db.execute().update("""
                UPDATE videos SET status = 'processed', processed_key = ?, poster_key = ?, processed_at = now(),
                       failure_reason = NULL,
                       published_at = CASE WHEN publish_when_processed THEN now() END
                 WHERE id = ? AND status = 'processing'""", processedKey, posterKey, videoId) == 1;
    }

    /** Failed with a reason for its owner; false when the video is gone or already finished. */
    public boolean fail(UUID videoId, String reason) {
        return db.execute().update("""
                UPDATE videos SET status = 'failed', failure_reason = ?
                 WHERE id = ? AND status IN ('uploaded', 'processing')""", reason, videoId) == 1;
    }

    public boolean exists(UUID videoId) {
        return db.execute().get("SELECT 1 AS found FROM videos WHERE id = ?", videoId).isPresent();
    }
}
