package org.anb.showcase.app.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.auth.PasswordChanges;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.videos.ObjectDeletions;
import org.anb.showcase.core.db.Rows;
import org.anb.showcase.core.db.Transactions;
import org.anb.showcase.core.storage.ObjectKeys;

/**
 * {@code DELETE /api/me}: the right to erasure. One transaction removes the person's votes (the vote triggers take
 * them out of every count and ranking), their videos (with the votes others gave them), their reports, links, mail
 * and the account, and requests the deletion of every file; {@link ObjectDeletions} removes the files, retrying until
 * storage agrees. Frozen results stay as published (they are the edition's record, not the account). A ban's
 * normalised address stays in {@code banned_emails}: erasing an account must not lift a ban.
 */
final class AccountErasure {
    private final DbClient db;
    private final PasswordChanges passwords;
    private final ObjectDeletions deletions;

    AccountErasure(DbClient db, PasswordChanges passwords, ObjectDeletions deletions) {
        this.db = db;
        this.passwords = passwords;
        this.deletions = deletions;
    }

    void erase(UUID userId, String password) {
        passwords.requirePassword(userId, password, "password");
        Transactions.inTransaction(db, tx -> {
            String role = tx.get("SELECT role FROM users WHERE id = ? FOR UPDATE", userId)
                    .map(row -> Rows.text(row, "role")).orElseThrow(ApiException::unauthorized);
            if (Role.ORGANIZER.wireName().equals(role) && tx.get("""
                    SELECT count(*) AS others FROM users WHERE role = 'organizer' AND id <> ?
                       AND account_active(account_status, suspended_until)""", userId)
                    .map(row -> Rows.number(row, "others")).orElse(0L) == 0) {
                throw new ApiException(409, "Eres el único organizador: nombra a otro antes de eliminar tu cuenta.");
            }
            List<String> files = new ArrayList<>();
            tx.query("SELECT id, original_key FROM videos WHERE owner_id = ?", userId).forEach(row -> {
                UUID video = Rows.uuid(row, "id");
                files.add(Rows.text(row, "original_key"));
                files.add(ObjectKeys.processed(video));
                files.add(ObjectKeys.poster(video));
            });
            tx.query("SELECT staging_key FROM direct_uploads WHERE owner_id = ?", userId)
                    .forEach(row -> files.add(Rows.text(row, "staging_key")));
            deletions.request(tx, files);
            tx.delete("DELETE FROM votes WHERE user_id = ?", userId);
            tx.delete("DELETE FROM videos WHERE owner_id = ?", userId);
            tx.delete("DELETE FROM mail_outbox WHERE recipient = (SELECT email FROM users WHERE id = ?)", userId);
            tx.delete("DELETE FROM users WHERE id = ?", userId);
            return null;
        });
        deletions.drain(100); // at once when storage answers; the sweeper retries otherwise
    }
}
