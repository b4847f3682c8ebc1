package org.anb.showcase.app.staff;

import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.audit.AuditLog;
import org.anb.showcase.app.auth.PasswordHasher;
import org.anb.showcase.core.db.Rows;
import org.anb.showcase.core.db.Transactions;

/**
 * The first organizer, made by an operator rather than through the API (nobody could grant the first role):
 * {@link #ensure} in local mode from {@code ANB_ORGANIZER_EMAIL}/{@code ANB_ORGANIZER_PASSWORD}, {@link #promote} in
 * AWS from a one-off command that names an account its owner already signed up — so no password travels through the
 * operator's command line or logs. Both are audited as the operator's.
 */
public final class OrganizerAccount {
    private static final int MIN_PASSWORD = 8;

    private final DbClient db;
    private final AuditLog audit;

    public OrganizerAccount(DbClient db) {
        this.db = db;
        this.audit = new AuditLog(db);
    }

    /** Creates the organizer, or makes the existing account with this e-mail one with this password. */
    public UUID ensure(String email, String password, PasswordHasher hasher) {
        if (password.length() < MIN_PASSWORD || !email.contains("@")) {
            throw new IllegalArgumentException("ANB_ORGANIZER_EMAIL must be an e-mail and ANB_ORGANIZER_PASSWORD "
                    + "at least " + MIN_PASSWORD + " characters");
        }
        String hash = hasher.hash(password);
        return Transactions.inTransaction(db, tx -> {
            UUID id = tx.get("""
                    INSERT INTO users (first_name, last_name, email, password_hash, city, country, role)
                    VALUES ('Organización', 'ANB', ?, ?, 'Bogotá', 'Colombia', 'organizer')
                    ON CONFLICT ((lower(email))) DO UPDATE
                       SET password_hash = EXCLUDED.password_hash, role = 'organizer', account_status = 'active',
                           suspended_until = NULL
                    RETURNING id""", email.strip(), hash).map(row -> Rows.uuid(row, "id")).orElseThrow();
            audit.record(tx, AuditLog.Entry.of(id, "staff.bootstrap", id, "operator: local start"));
            return id;
        });
    }

    /** Makes the existing account with this e-mail an organizer; false when there is none. */
    public boolean promote(String email) {
        return Transactions.inTransaction(db, tx -> {
            var id = tx.get("UPDATE users SET role = 'organizer' WHERE lower(email) = lower(?) RETURNING id",
                    email.strip()).map(row -> Rows.uuid(row, "id"));
            id.ifPresent(user -> audit.record(tx, AuditLog.Entry.of(user, "staff.bootstrap", user,
                    "operator: promote-organizer")));
            return id.isPresent();
        });
    }
}
