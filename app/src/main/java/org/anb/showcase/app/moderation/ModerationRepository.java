package org.anb.showcase.app.moderation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/** Reports, the moderation queue and the moderators' decisions on videos: all of that SQL. */
public final class ModerationRepository {
    /** Each queue's filter and its order (oldest first: what has waited longest is seen first). */
    private static final Map<String, String[]> QUEUES = Map.of(
            "reported", new String[] {"""
                    (EXISTS (SELECT 1 FROM reports r WHERE r.video_id = v.id AND r.resolved_at IS NULL)
                     OR (v.appealed_at IS NOT NULL AND v.appeal_decided_at IS NULL))""",
                    "least(v.appealed_at, (SELECT min(created_at) FROM reports r WHERE r.video_id = v.id "
                            + "AND r.resolved_at IS NULL))"},
            "pending", new String[] {"v.status = 'processed' AND v.approved_at IS NULL AND v.published_at IS NULL "
                    + "AND v.disqualified_at IS NULL AND v.publish_when_processed", "v.processed_at"},
            "published", new String[] {"v.published_at IS NOT NULL", "v.published_at"},
            "disqualified", new String[] {"v.disqualified_at IS NOT NULL", "v.disqualified_at"});

    private final DbClient db;

    public ModerationRepository(DbClient db) {
        this.db = db;
    }

    public static boolean isQueue(String state) {
        return QUEUES.containsKey(state);
    }

    /** Records the report unless this fan already reported this video; empty when the video is not public. */
    public Optional<Boolean> report(UUID videoId, UUID reporter, ReportReason reason, String details) {
        boolean published = db.execute().get("SELECT 1 AS found FROM videos WHERE id = ? AND published_at IS NOT NULL",
                videoId).isPresent();
        if (!published) {
            return Optional.empty();
        }
        return Optional.of(db.execute().insert("""
                INSERT INTO reports (video_id, reporter_id, reason, details) VALUES (?, ?, ?, ?)
                ON CONFLICT (video_id, reporter_id) DO NOTHING""", videoId, reporter, reason.wire(), details) == 1);
    }

    /** The fan's own reports and what became of each. */
    public List<MyReport> reportsBy(UUID reporter) {
        return db.execute().query("""
                SELECT r.video_id, v.title, r.reason, r.created_at, r.resolved_at, coalesce(r.outcome, 'pending') AS outcome
                  FROM reports r JOIN videos v ON v.id = r.video_id
                 WHERE r.reporter_id = ? ORDER BY r.created_at DESC LIMIT 200""", reporter)
                .map(row -> new MyReport(Rows.uuid(row, "video_id"), Rows.text(row, "title"),
                        Rows.text(row, "reason"), Rows.instant(row, "created_at"), Rows.text(row, "outcome"),
                        Rows.instant(row, "resolved_at")))
                .toList();
    }

    public List<QueuedVideo> queue(String state, Paging paging) {
        String[] queue = QUEUES.get(state);
        return db.execute().query("""
                SELECT v.id, v.title, v.owner_id, u.first_name || ' ' || u.last_name AS player_name, u.city,
                       v.status, v.processed_key, v.poster_key, v.uploaded_at, v.published_at, v.vote_count,
                       v.disqualified_at, v.disqualification_reason, v.appeal_message, v.appealed_at,
                       v.appeal_decided_at,
                       (SELECT string_agg(reason || '=' || n, ',' ORDER BY n DESC, reason)
                          FROM (SELECT reason, count(*) AS n FROM reports r
                                 WHERE r.video_id = v.id AND r.resolved_at IS NULL GROUP BY reason) per_reason) AS reasons
                  FROM videos v JOIN users u ON u.id = v.owner_id""" + " WHERE " + queue[0] + " ORDER BY " + queue[1] + " NULLS LAST, v.id LIMIT ? OFFSET ?",
                paging.pageSize(), paging.offset())
                .map(ModerationRepository::queued).toList();
    }

    /** Every report of one video, open or resolved, with who made it (staff only). */
    public List<VideoReport> reportsOf(UUID videoId) {
        return db.execute().query("""
                SELECT r.reporter_id, u.email, r.reason, r.details, r.created_at, r.resolved_at, r.outcome
                  FROM reports r JOIN users u ON u.id = r.reporter_id
                 WHERE r.video_id = ? ORDER BY r.created_at""", videoId)
                .map(row -> new VideoReport(Rows.uuid(row, "reporter_id"), Rows.text(row, "email"),
                        Rows.text(row, "reason"), Rows.text(row, "details"), Rows.instant(row, "created_at"),
                        Rows.instant(row, "resolved_at"), Rows.text(row, "outcome")))
                .toList();
    }

    /** The video's moderation facts, its row locked for the decision. */
    public Optional<Facts> lock(DbExecute tx, UUID videoId) {
        return tx.get("""
                SELECT disqualified_at IS NOT NULL AS disqualified,
                       appealed_at IS NOT NULL AND appeal_decided_at IS NULL AS appeal_pending
                  FROM videos WHERE id = ? FOR UPDATE""", videoId)
                .map(row -> new Facts(Rows.bool(row, "disqualified"), Rows.bool(row, "appeal_pending")));
    }

    /** Approved: published if its owner wants it public and it is processed; open reports dismissed. */
    public void approve(DbExecute tx, UUID videoId) {
        tx.update("""
                UPDATE videos SET approved_at = coalesce(approved_at, now()),
                       published_at = CASE WHEN published_at IS NOT NULL THEN published_at
                                           WHEN publish_when_processed AND status = 'processed' THEN now() END
                 WHERE id = ?""", videoId);
        resolveReports(tx, videoId, "kept");
    }

    /** Out of the gallery and the rankings at once (the publication trigger takes its votes out of the count). */
    public void disqualify(DbExecute tx, UUID videoId, String reason, boolean decidesAppeal) {
        tx.update("""
                UPDATE videos SET disqualified_at = coalesce(disqualified_at, now()), disqualification_reason = ?,
                       published_at = NULL,
                       appeal_decided_at = CASE WHEN ? THEN now() ELSE appeal_decided_at END
                 WHERE id = ?""", reason, decidesAppeal, videoId);
        resolveReports(tx, videoId, "disqualified");
    }

    /** Back as it was before the disqualification: public again if its owner wants it, counted again. */
    public void reinstate(DbExecute tx, UUID videoId) {
        tx.update("""
                UPDATE videos SET disqualified_at = NULL, disqualification_reason = NULL,
                       approved_at = coalesce(approved_at, now()),
                       appeal_decided_at = CASE WHEN appealed_at IS NOT NULL THEN coalesce(appeal_decided_at, now()) END,
                       published_at = CASE WHEN publish_when_processed AND status = 'processed' THEN now() END
                 WHERE id = ?""", videoId);
    }

    /** The owner's one appeal of a disqualification; false when not disqualified or already appealed. */
    public boolean appeal(UUID videoId, UUID owner, String message) {
        return db.execute().update("""
                UPDATE videos SET appeal_message = ?, appealed_at = now()
                 WHERE id = ? AND owner_id = ? AND disqualified_at IS NOT NULL AND appealed_at IS NULL""",
                message, videoId, owner) == 1;
    }

    public Optional<UUID> ownerOf(UUID videoId) {
        return db.execute().get("SELECT owner_id FROM videos WHERE id = ?", videoId)
                .map(row -> Rows.uuid(row, "owner_id"));
    }

    private static void resolveReports(DbExecute tx, UUID videoId, String outcome) {
        tx.update("UPDATE reports SET resolved_at = now(), outcome = ? WHERE video_id = ? AND resolved_at IS NULL",
                outcome, videoId);
    }

    private static QueuedVideo queued(DbRow row) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        String packed = Rows.text(row, "reasons");
        if (packed != null) {
            for (String pair : packed.split(",")) {
                String[] kv = pair.split("=");
                reasons.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        Appeal appeal = Rows.instant(row, "appealed_at") == null ? null
                : new Appeal(Rows.text(row, "appeal_message"), Rows.instant(row, "appealed_at"),
                        Rows.instant(row, "appeal_decided_at"));
        return new QueuedVideo(Rows.uuid(row, "id"), Rows.text(row, "title"), Rows.uuid(row, "owner_id"),
                Rows.text(row, "player_name"), Rows.text(row, "city"), Rows.text(row, "status"),
                Rows.text(row, "processed_key"), Rows.text(row, "poster_key"), Rows.instant(row, "uploaded_at"),
                Rows.instant(row, "published_at") != null, Rows.number(row, "vote_count"),
                Rows.instant(row, "disqualified_at") != null, Rows.text(row, "disqualification_reason"),
                reasons.values().stream().mapToLong(Long::longValue).sum(), reasons, appeal);
    }

    public record Facts(boolean disqualified, boolean appealPending) {
    }

    public record Appeal(String message, Instant at, Instant decidedAt) {
    }

    public record QueuedVideo(UUID videoId, String title, UUID playerId, String playerName, String city,
                              String status, String processedKey, String posterKey, Instant uploadedAt,
                              boolean published, long votes, boolean disqualified, String disqualificationReason,
                              long reportCount, Map<String, Long> reasons, Appeal appeal) {
    }

    public record VideoReport(UUID reporterId, String reporterEmail, String reason, String details,
                              Instant reportedAt, Instant resolvedAt, String outcome) {
    }

    public record MyReport(UUID videoId, String title, String reason, Instant reportedAt, String outcome,
                           Instant resolvedAt) {
    }
}
