package org.anb.showcase.app.auth;

import java.util.Map;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.mail.MailMessage;
import org.anb.showcase.app.mail.Outbox;
import org.anb.showcase.core.db.Transactions;

/**
 * Forgotten, reset and changed passwords. A reset or a change moves the account's session generation on in the same
 * transaction as the new hash, so every older token stops on every instance at the next request; a change keeps the
 * session that made it.
 */
public final class PasswordChanges {
    private static final String BAD_LINK = "El enlace para restablecer la contraseña no es válido o ya expiró.";

    private final DbClient db;
    private final AccountLinks links;
    private final Outbox outbox;
    private final PasswordHasher hasher;
    private final UserRepository users;

    public PasswordChanges(DbClient db, AccountLinks links, Outbox outbox, PasswordHasher hasher, UserRepository users) {
        this.db = db;
        this.links = links;
        this.outbox = outbox;
        this.hasher = hasher;
        this.users = users;
    }

    /** Mails a reset link when the account exists; says nothing either way (the caller answers 202 regardless). */
    public void forgot(String email) {
        Transactions.inTransaction(db, tx -> {
            tx.get("SELECT id, email, first_name FROM users WHERE lower(email) = lower(?)", email.strip())
                    .ifPresent(row -> {
                        UUID id = row.column("id").get(UUID.class);
                        String token = links.issue(tx, id, AccountLinks.Purpose.RESET);
                        outbox.enqueue(tx, new MailMessage(row.column("email").getString(),
                                "Restablece tu contraseña — ANB Rising Stars",
                                "Hola, " + row.column("first_name").getString() + ":\n\nPara elegir una contraseña "
                                        + "nueva abre este enlace (vale 30 minutos y sirve una sola vez):\n\n"
                                        + outbox.link("/restablecer?token=" + token)
                                        + "\n\nSi no lo pediste, ignora este mensaje: tu contraseña no cambia."
                                        + "\n\nAsociación Nacional de Baloncesto"));
                    });
            return null;
        });
    }

    /** Sets the password from a mailed link; every session of the account ends. 400 for a bad link. */
    public void reset(String token, String newPassword) {
        String hash = hasher.hash(newPassword);
        boolean done = Transactions.inTransaction(db, tx -> links.use(tx, token, AccountLinks.Purpose.RESET)
                .map(userId -> tx.update("""
                        UPDATE users SET password_hash = ?, session_generation = session_generation + 1,
                               kept_session = NULL WHERE id = ?""", hash, userId) == 1)
                .orElse(false));
        if (!done) {
            throw new ApiException(400, BAD_LINK, Map.of("token", "Pide un enlace nuevo."));
        }
    }

    /** Changes the caller's password after checking the current one; their other sessions end. */
    public void change(UUID userId, UUID keptSession, String currentPassword, String newPassword) {
        requirePassword(userId, currentPassword, "current_password");
        String hash = hasher.hash(newPassword);
        db.execute().update("""
                UPDATE users SET password_hash = ?, session_generation = session_generation + 1, kept_session = ?
                 WHERE id = ?""", hash, keptSession, userId);
    }

    /**
     * The caller proves it is the person (a change, an erasure): 400 naming {@code field} unless {@code password} is
     * the account's; 401 if the account is gone.
     */
    public void requirePassword(UUID userId, String password, String field) {
        UserRepository.StoredCredentials stored = users.credentialsOf(userId).orElseThrow(ApiException::unauthorized);
        if (password.isEmpty() || !hasher.matches(password, stored.passwordHash())) {
            throw new ApiException(400, "Datos inválidos.", Map.of(field, "La contraseña "
                    + ("current_password".equals(field) ? "actual " : "") + "no es correcta."));
        }
    }
}
