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

    public boolean exists(UUID id) {
        return db.execute().get("SELECT 1 AS found FROM users WHERE id = ?", id).isPresent();
    }

    public record StoredCredentials(UUID userId, String passwordHash) {
    }
}
