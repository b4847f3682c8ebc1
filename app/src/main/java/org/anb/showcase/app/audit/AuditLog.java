package org.anb.showcase.app.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/**
 * The audit_log table: every staff action, appended in the same transaction as the action itself, so an action
 * without its entry (or an entry without its action) cannot happen. There is no method to change or remove an entry,
 * and the database refuses it anyway (V7).
 */
public final class AuditLog {
    private final DbClient db;

    public AuditLog(DbClient db) {
        this.db = db;
    }

    public void record(DbExecute tx, Entry entry) {
        tx.insert("""
                INSERT INTO audit_log (staff_id, staff_email, action, target, reason, note)
                SELECT id, email, ?, ?, ?, ? FROM users WHERE id = ?""",
                entry.action(), entry.target(), entry.reason(), entry.note(), entry.staffId());
    }

    /** Newest first. */
    public List<Recorded> page(Paging paging) {
        return db.execute().query("""
                SELECT at, staff_email, action, target, reason, note FROM audit_log
                 ORDER BY id DESC LIMIT ? OFFSET ?""", paging.pageSize(), paging.offset())
                .map(row -> new Recorded(Rows.instant(row, "at"), Rows.text(row, "staff_email"),
                        Rows.text(row, "action"), Rows.text(row, "target"), Rows.text(row, "reason"),
                        Rows.text(row, "note")))
                .toList();
    }

    /** An action to record: who, what (a short verb such as {@code video.disqualify}), on what, why. */
    public record Entry(UUID staffId, String action, String target, String reason, String note) {
        public static Entry of(UUID staffId, String action, Object target, String reason) {
            return new Entry(staffId, action, target == null ? null : target.toString(), reason, null);
        }

        public Entry withNote(String text) {
            return new Entry(staffId, action, target, reason, text);
        }
    }

    /** As {@code GET /api/admin/audit} shows it. */
    public record Recorded(Instant at, String staff, String action, String target, String reason, String note) {
    }
}
