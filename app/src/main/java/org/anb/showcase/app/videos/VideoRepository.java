package org.anb.showcase.app.videos;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import org.anb.showcase.app.contest.EditionRules;
import org.anb.showcase.core.db.DbFailures;
import org.anb.showcase.core.db.Transactions;
import org.anb.showcase.core.db.Rows;

/** The videos table, owner side: all of its SQL. Conditions that must hold are in the WHERE clauses, not in reads. */
public final class VideoRepository {
    private final DbClient db;

    public VideoRepository(DbClient db) {
        this.db = db;
    }

    /** Inserts the upload's row; 409 when the edition's entry cap refuses it (the trigger decides, under races). */
    public void insert(NewVideo video) {
        try {
            db.execute().insert("""
                    INSERT INTO videos (id, owner_id, title, original_key, original_bytes, publish_when_processed,
                                        start_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    video.id(), video.ownerId(), video.title(), video.originalKey(), video.originalBytes(),
                    video.publishWhenProcessed(), video.startSeconds());
        } catch (DbClientException e) {
            if (DbFailures.hasState(e, EditionRules.ENTRY_CAP_STATE)) {
                throw EditionRules.tooManyEntries();
            }
            throw e;
        }
    }

    public Optional<Video> find(UUID id) {
        return db.execute().get("SELECT " + Video.COLUMNS + " FROM videos WHERE id = ?", id).map(Video::from);
    }

    /** The owner's videos, oldest first, as existing clients expect. */
    public List<Video> listByOwner(UUID ownerId) {
        return db.execute().query("SELECT " + Video.COLUMNS
                        + " FROM videos WHERE owner_id = ? ORDER BY uploaded_at, id", ownerId)
                .map(Video::from).toList();
    }

    /**
     * Deletes the owner's video unless it has received a vote (the votes are the fans'); answers whether a row went.
     * The row is locked first, so a vote arriving meanwhile either lands before (and is seen) or finds no video.
     */
    public boolean deleteUnvoted(UUID id, UUID ownerId) {
        return Transactions.inTransaction(db, tx -> {
            boolean owned = tx.get("SELECT id FROM videos WHERE id = ? AND owner_id = ? FOR UPDATE", id, ownerId)
                    .isPresent();
            boolean voted = tx.get("SELECT 1 AS voted FROM votes WHERE video_id = ? LIMIT 1", id).isPresent();
            return owned && !voted && tx.delete("DELETE FROM videos WHERE id = ?", id) == 1;
        });
    }

    /** Compensation when the upload could not be enqueued. */
    public void delete(UUID id) {
        db.execute().delete("DELETE FROM videos WHERE id = ?", id);
    }

    /**
     * Publishes a processed video of this owner (keeping the first publication time if it already is), or marks it
     * to be published once a moderator approves it (pre-moderation: the publication trigger holds it back). Answers
     * where it stands now; empty when the owner has no processed video with this id. One statement: the
     * publication trigger only counts a NULL → time change.
     */
    public Optional<Publication> publish(UUID id, UUID ownerId) {
        return db.execute().get("""
                UPDATE videos SET publish_when_processed = true, published_at = COALESCE(published_at, now())
                 WHERE id = ? AND owner_id = ? AND status = 'processed' AND disqualified_at IS NULL
                RETURNING published_at IS NOT NULL AS published,
                          (SELECT is_minor(u.birth_date) AND u.guardian_confirmed_at IS NULL
                             FROM users u WHERE u.id = owner_id) AS awaiting_guardian""", id, ownerId)
                .map(row -> Rows.bool(row, "published") ? Publication.PUBLISHED
                        : Rows.bool(row, "awaiting_guardian") ? Publication.AWAITING_GUARDIAN
                        : Publication.AWAITING_MODERATION);
    }

    /** Where a publish request left the video. */
    public enum Publication { PUBLISHED, AWAITING_MODERATION, AWAITING_GUARDIAN }

    /**
     * Claims videos stuck for longer than {@code age} and stamps them as re-enqueued now: uploads no worker has
     * taken (the job was lost), and videos left {@code processing} whose worker's lease ran out that long ago (it
     * died and its message is gone). SKIP LOCKED lets several API nodes sweep at once without claiming the same rows.
     */
    public List<StuckVideo> claimStuckLongerThan(Duration age, int limit, boolean includeUploaded) {
        double seconds = age.toSeconds();
        return db.execute().query("""
                UPDATE videos SET last_enqueued_at = now()
                 WHERE id IN (SELECT id FROM videos
                               WHERE last_enqueued_at < now() - make_interval(secs => ?)
                                 AND ((? AND status = 'uploaded') OR (status = 'processing' AND (lease_expires_at IS NULL
                                      OR lease_expires_at < now() - make_interval(secs => ?))))
                               ORDER BY last_enqueued_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, status""", seconds, includeUploaded, seconds, limit)
                .map(row -> new StuckVideo(Rows.uuid(row, "id"), Rows.text(row, "status"))).toList();
    }

    /** A video the sweeper sends to the workers again, and the status it was stuck in. */
    public record StuckVideo(UUID id, String status) {
    }

    public record NewVideo(UUID id, UUID ownerId, String title, String originalKey, long originalBytes,
                           boolean publishWhenProcessed, java.math.BigDecimal startSeconds) {
    }
}
