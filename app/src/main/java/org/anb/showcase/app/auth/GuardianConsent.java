package org.anb.showcase.app.auth;

import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import org.anb.showcase.app.mail.MailMessage;
import org.anb.showcase.app.mail.Outbox;
import org.anb.showcase.core.db.Transactions;

/**
 * A minor's guardian authorises publication (Ley 1581): a link mailed to the guardian at sign-up (7 days, single
 * use). Until it is used, the publication gate in the database keeps the minor's videos private; using it publishes
 * those that were waiting, through the same gate (so pre-moderation and disqualification still hold).
 */
public final class GuardianConsent {
    private final DbClient db;
    private final AccountLinks links;
    private final Outbox outbox;

    public GuardianConsent(DbClient db, AccountLinks links, Outbox outbox) {
        this.db = db;
        this.links = links;
        this.outbox = outbox;
    }

    /** Mails the authorisation link to the guardian, through the sign-up's transaction. */
    void mail(DbExecute exec, UUID playerId, String guardianEmail, String playerFirstName) {
        String token = links.issue(exec, playerId, AccountLinks.Purpose.GUARDIAN);
        outbox.enqueue(exec, new MailMessage(guardianEmail, "Autoriza la participación de " + playerFirstName
                + " — ANB Rising Stars",
                "Hola:\n\n" + playerFirstName + " se inscribió en ANB Rising Stars, el concurso de talentos de la "
                        + "Asociación Nacional de Baloncesto, e indicó este correo como el de su madre, padre o "
                        + "acudiente. Como es menor de edad, sus videos solo se publican con tu autorización.\n\n"
                        + "Para autorizarla, abre este enlace (vale 7 días y sirve una sola vez):\n\n"
                        + outbox.link("/autorizar?token=" + token)
                        + "\n\nSu nombre se mostrará al público como nombre e inicial del apellido. Puedes pedir en "
                        + "cualquier momento que se eliminen sus datos. Si no conoces esta inscripción, ignora este "
                        + "mensaje: nada se publicará.\n\nAsociación Nacional de Baloncesto"));
    }

    /** Uses the link: whether it was valid. The minor's waiting videos are published now. */
    public boolean confirm(String token) {
        return Transactions.inTransaction(db, tx -> links.use(tx, token, AccountLinks.Purpose.GUARDIAN)
                .map(playerId -> {
                    tx.update("UPDATE users SET guardian_confirmed_at = coalesce(guardian_confirmed_at, now()) "
                            + "WHERE id = ?", playerId);
                    tx.update("""
                            UPDATE videos SET published_at = now()
                             WHERE owner_id = ? AND publish_when_processed AND status = 'processed'
                               AND published_at IS NULL AND disqualified_at IS NULL""", playerId);
                    return true;
                }).orElse(false));
    }
}
