package org.anb.showcase.app.auth;

import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.core.db.Rows;

/** The users table: all of its SQL. */
public final class UserRepository {
    private final DbClient db;

    public UserRepository(DbClient db) {
        this.db = db;
    }

    /** Inserts the player; a duplicate e-mail (any case) surfaces as a unique violation from the database. */
    public void insert(UUID id, SignupForm form, String passwordHash) {
        db.execute().insert("""
                INSERT INTO users (id, first_name, last_name, email, password_hash, city, country)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                id, form.firstName(), form.lastName(), form.email(), passwordHash, form.city(), form.country());
    }

    public Optional<StoredCredentials> credentialsFor(String email) {
        return db.execute().get("SELECT id, password_hash FROM users WHERE lower(email) = lower(?)", email)
                .map(row -> new StoredCredentials(Rows.uuid(row, "id"), Rows.text(row, "password_hash")));
    }

    /** The user exists and has not logged out with this token. */
    public boolean isActive(UUID id, UUID tokenId) {
        return db.execute().get("SELECT 1 AS found FROM users WHERE id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = ?)", id, tokenId).isPresent();
    }

    /** Refuses this token from now on (until it expires), and forgets revocations of tokens already expired. */
    public void revoke(UUID tokenId, java.time.Instant expiresAt) {
        db.execute().insert("INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                tokenId, java.sql.Timestamp.from(expiresAt));
        db.execute().delete("DELETE FROM revoked_tokens WHERE expires_at < now()");
    }

    public record StoredCredentials(UUID userId, String passwordHash) {
    }
}
