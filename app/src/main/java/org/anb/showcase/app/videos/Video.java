package org.anb.showcase.app.videos;

import java.time.Instant;
import java.util.UUID;

import io.helidon.dbclient.DbRow;
import org.anb.showcase.core.db.Rows;
import org.anb.showcase.core.video.VideoStatus;

/** A row of the videos table, as the owner-side endpoints need it. */
public record Video(UUID id, UUID ownerId, String title, VideoStatus status, String originalKey,
                    String processedKey, String posterKey, String failureReason, long votes,
                    long heldVotes, Instant uploadedAt, Instant processedAt, Instant publishedAt, Instant disqualifiedAt,
                    String disqualificationReason, Instant appealedAt, Instant appealDecidedAt,
                    java.math.BigDecimal startSeconds) {

    static final String COLUMNS = "id, owner_id, title, status, original_key, processed_key, poster_key, failure_reason, "
            + "vote_count, uploaded_at, processed_at, published_at, disqualified_at, disqualification_reason, "
            + "appealed_at, appeal_decided_at, start_seconds, "
            // Held votes (unconfirmed voters) are few per video and indexed by video: counted on read.
            + "(SELECT count(*) FROM votes h WHERE h.video_id = videos.id AND h.held AND h.voided_at IS NULL) AS held_votes";

    static Video from(DbRow row) {
        return new Video(Rows.uuid(row, "id"), Rows.uuid(row, "owner_id"), Rows.text(row, "title"),
                VideoStatus.fromDb(Rows.text(row, "status")), Rows.text(row, "original_key"),
                Rows.text(row, "processed_key"), Rows.text(row, "poster_key"), Rows.text(row, "failure_reason"), Rows.number(row, "vote_count"),
                Rows.number(row, "held_votes"), Rows.instant(row, "uploaded_at"), Rows.instant(row, "processed_at"), Rows.instant(row, "published_at"),
                Rows.instant(row, "disqualified_at"), Rows.text(row, "disqualification_reason"),
                Rows.instant(row, "appealed_at"), Rows.instant(row, "appeal_decided_at"),
                row.column("start_seconds").get(java.math.BigDecimal.class));
    }

    public boolean isDisqualified() {
        return disqualifiedAt != null;
    }

    /** {@code null} (never appealed), {@code pending} (back in the moderators' queue) or {@code decided}. */
    public String appealStatus() {
        return appealedAt == null ? null : appealDecidedAt == null ? "pending" : "decided";
    }

    public boolean isPublished() {
        return publishedAt != null;
    }
}
