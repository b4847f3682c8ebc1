package org.anb.showcase.app.auth;

import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import org.anb.showcase.app.mail.MailMessage;
import org.anb.showcase.app.mail.Outbox;
import org.anb.showcase.core.db.Transactions;

/**
 * Confirmed e-mail: the link mailed at sign-up (and on request), and what confirming does — the account's held
 * votes start counting in the same transaction (the vote triggers move every counter by exactly those votes).
 */
public final class EmailConfirmation {
    private final DbClient db;
    private final AccountLinks links;
    private final Outbox outbox;

    public EmailConfirmation(DbClient db, AccountLinks links, Outbox outbox) {
        this.db = db;
        this.links = links;
        this.outbox = outbox;
    }

    /** Mails a confirmation link to the account, through the caller's transaction. */
    public void mail(DbExecute exec, UUID userId, String email, String firstName) {
        String token = links.issue(exec, userId, AccountLinks.Purpose.VERIFY);
        outbox.enqueue(exec, new MailMessage(email, "Confirma tu correo — ANB Rising Stars",
                "Hola, " + firstName + ":\n\nConfirma tu correo para que tus votos cuenten y puedas participar:\n\n"
                        + outbox.link("/confirmar?token=" + token)
                        + "\n\nEl enlace vale 48 horas y sirve una sola vez. Si no creaste esta cuenta, ignora este "
                        + "mensaje.\n\nAsociación Nacional de Baloncesto"));
    }

    /** A new link for an unconfirmed account; nothing for a confirmed one. */
    public void resend(UUID userId) {
        Transactions.inTransaction(db, tx -> {
            tx.get("SELECT email, first_name FROM users WHERE id = ? AND email_verified_at IS NULL", userId)
                    .ifPresent(row -> mail(tx, userId, row.column("email").getString(),
                            row.column("first_name").getString()));
            return null;
        });
    }

    /** Uses the link: whether it was valid. The account's held votes count from now on. */
    public boolean confirm(String token) {
        return Transactions.inTransaction(db, tx -> links.use(tx, token, AccountLinks.Purpose.VERIFY)
                .map(userId -> {
                    tx.update("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = ?",
                            userId);
                    tx.update("UPDATE votes SET held = false WHERE user_id = ? AND held", userId);
                    return true;
                }).orElse(false));
    }
}
