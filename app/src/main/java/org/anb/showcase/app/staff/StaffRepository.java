package org.anb.showcase.app.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.core.db.Rows;

/** Accounts as staff see and change them (roles and sanctions): all of that SQL. */
public final class StaffRepository {
    private static final String COLUMNS = """
            id, email, first_name || ' ' || last_name AS name, city, role, account_status, suspended_until,
            sanction_reason, created_at, email_verified_at IS NOT NULL AS email_verified""";

    private final DbClient db;

    public StaffRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Account> find(DbExecute tx, UUID id) {
        return tx.get("SELECT " + COLUMNS + " FROM users WHERE id = ? FOR UPDATE", id).map(StaffRepository::account);
    }

    /** Accounts whose e-mail or name contains {@code q} (any case), or every staff member when {@code q} is empty. */
    public List<Account> search(Optional<String> q, boolean staffOnly, Paging paging) {
        return db.execute().query("SELECT " + COLUMNS + """
                 FROM users
                WHERE (CAST(? AS text) IS NULL OR lower(email) LIKE '%' || lower(?) || '%'
                       OR lower(first_name || ' ' || last_name) LIKE '%' || lower(?) || '%')
                  AND (NOT ? OR role <> 'player')
                ORDER BY created_at, id LIMIT ? OFFSET ?""",
                q.orElse(null), q.orElse(null), q.orElse(null), staffOnly, paging.pageSize(), paging.offset())
                .map(StaffRepository::account).toList();
    }

    public void setRole(DbExecute tx, UUID id, Role role) {
        tx.update("UPDATE users SET role = ? WHERE id = ?", role.wireName(), id);
    }

    public long organizersOtherThan(DbExecute tx, UUID id) {
        return tx.get("SELECT count(*) AS n FROM users WHERE role = 'organizer' AND id <> ?", id)
                .map(row -> Rows.number(row, "n")).orElse(0L);
    }

    /** Suspends (until a time, or until restored) or bans; a ban also bars the normalised e-mail. */
    public void sanction(DbExecute tx, UUID id, String status, Instant until, String reason) {
        tx.update("UPDATE users SET account_status = ?, suspended_until = ?, sanction_reason = ? WHERE id = ?",
                status, until == null ? null : Timestamp.from(until), reason, id);
        if ("banned".equals(status)) {
            tx.insert("""
                    INSERT INTO banned_emails (email_key, user_id) SELECT email_key(email), id FROM users WHERE id = ?
                    ON CONFLICT (email_key) DO NOTHING""", id);
        }
    }

    public void restore(DbExecute tx, UUID id) {
        tx.update("UPDATE users SET account_status = 'active', suspended_until = NULL, sanction_reason = NULL "
                + "WHERE id = ?", id);
        tx.delete("DELETE FROM banned_emails WHERE user_id = ?", id);
    }

    private static Account account(DbRow row) {
        return new Account(Rows.uuid(row, "id"), Rows.text(row, "email"), Rows.text(row, "name"),
                Rows.text(row, "city"), Rows.text(row, "role"), Rows.text(row, "account_status"),
                Rows.instant(row, "suspended_until"), Rows.text(row, "sanction_reason"),
                Rows.instant(row, "created_at"), Rows.bool(row, "email_verified"));
    }

    /** An account as {@code GET /api/admin/users} shows it. */
    public record Account(UUID userId, String email, String name, String city, String role, String accountStatus,
                          Instant suspendedUntil, String sanctionReason, Instant createdAt, boolean emailVerified) {
        Role currentRole() {
            return Role.fromWire(role).orElse(Role.PLAYER);
        }
    }
}
