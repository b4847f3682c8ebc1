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

    /**
     * Inserts the player; a duplicate e-mail (any case) surfaces as a unique violation from the database. A city
     * spelling an organizer merged into another is stored as that city.
     */
    public void insert(io.helidon.dbclient.DbExecute exec, UUID id, SignupForm form, String passwordHash) {
        PersonalDetails personal = form.personal();
        exec.insert("""
                INSERT INTO users (id, first_name, last_name, email, password_hash, city, country,
                                   terms_version, terms_accepted_at, birth_date, guardian_email)
                VALUES (?, ?, ?, ?, ?, COALESCE((SELECT city FROM city_aliases WHERE alias_key = city_key(?)), ?), ?,
                        ?, CASE WHEN ?::text IS NOT NULL THEN now() END, ?, ?)""",
                id, form.firstName(), form.lastName(), form.email(), passwordHash, form.city(), form.city(),
                form.country(), personal.termsVersion(), personal.termsVersion(), personal.birthDate(),
                personal.guardianEmail());
    }

    /** Whether a ban bars this mailbox (compared by its normalised key). */
    public boolean isBanned(String email) {
        return db.execute().get("SELECT 1 AS banned FROM banned_emails WHERE email_key = email_key(?)", email)
                .isPresent();
    }

    public Optional<StoredCredentials> credentialsFor(String email) {
        return db.execute().get("""
                SELECT id, password_hash, account_active(account_status, suspended_until) AS active,
                       session_generation
                  FROM users WHERE lower(email) = lower(?)""", email)
                .map(row -> new StoredCredentials(Rows.uuid(row, "id"), Rows.text(row, "password_hash"),
                        Rows.bool(row, "active"), (int) Rows.number(row, "session_generation")));
    }

    /**
     * The account's role if it exists, is not suspended or banned, and has not logged out with this token: one
     * query on every authenticated request, so a sanction or a role change holds on every instance at once.
     */
    public Optional<Role> activeRole(UUID id, UUID tokenId, int sessionGeneration) {
        return db.execute().get("""
                SELECT role FROM users WHERE id = ? AND account_active(account_status, suspended_until)
                   AND (session_generation = ? OR kept_session = ?)
                   AND NOT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = ?)""", id, sessionGeneration, tokenId,
                tokenId)
                .flatMap(row -> Role.fromWire(Rows.text(row, "role")));
    }

    public Optional<Profile> profile(UUID id) {
        return db.execute().get("""
                SELECT id, email, first_name, last_name, city, country, role, email_verified_at IS NOT NULL AS verified,
                       is_minor(birth_date) AND guardian_confirmed_at IS NULL AS guardian_pending
                  FROM users WHERE id = ?""", id)
                .map(row -> new Profile(Rows.uuid(row, "id"), Rows.text(row, "email"), Rows.text(row, "first_name"),
                        Rows.text(row, "last_name"), Rows.text(row, "city"), Rows.text(row, "country"),
                        Rows.text(row, "role"), Rows.bool(row, "verified"), Rows.bool(row, "guardian_pending")));
    }

    /**
     * {@code GET /api/auth/me}. {@code guardianPending}: a minor whose guardian has not authorised publication yet
     * (their videos stay private until then).
     */
    public record Profile(UUID userId, String email, String firstName, String lastName, String city, String country,
                          String role, boolean emailVerified, boolean guardianPending) {
    }

    /** Refuses this token from now on (until it expires), and forgets revocations of tokens already expired. */
    public void revoke(UUID tokenId, java.time.Instant expiresAt) {
        db.execute().insert("INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                tokenId, java.sql.Timestamp.from(expiresAt));
        db.execute().delete("DELETE FROM revoked_tokens WHERE expires_at < now()");
    }

    /** The account's password hash and current session generation, by id. */
    public Optional<StoredCredentials> credentialsOf(UUID id) {
        return db.execute().get("""
                SELECT id, password_hash, account_active(account_status, suspended_until) AS active,
                       session_generation FROM users WHERE id = ?""", id)
                .map(row -> new StoredCredentials(Rows.uuid(row, "id"), Rows.text(row, "password_hash"),
                        Rows.bool(row, "active"), (int) Rows.number(row, "session_generation")));
    }

    public record StoredCredentials(UUID userId, String passwordHash, boolean active, int sessionGeneration) {
    }
}
