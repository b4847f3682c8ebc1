package org.anb.showcase.app.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;
import org.anb.showcase.core.db.Rows;

/**
 * Drains the outbox on every API instance: each pass locks a few due messages ({@code FOR UPDATE SKIP LOCKED}, so two
 * instances never take the same one), sends them, and marks each sent — or, when sending fails, due again after a
 * backoff (30 s doubling, at most an hour). A crash between sending and marking sends that message again: at least
 * once, as the SPEC asks. Addresses are never logged; a sent mail keeps its recipient and subject for 30 days, never
 * its body.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 20;
    /** What was sent to whom is kept a month (support questions: "I never got the mail"), then forgotten. */
    private static final Duration KEEP_SENT = Duration.ofDays(30);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DbClient db;
    private final MailTransport transport;
    private final Outbox outbox;
    private final Duration idle;
    private final Thread loop;
    private Instant lastPurge = Instant.EPOCH; // only the loop's thread reads and writes it

    public OutboxSender(DbClient db, MailTransport transport, Outbox outbox, Duration idle) {
        this.db = db;
        this.outbox = outbox;
        this.transport = transport;
        this.idle = idle;
        this.loop = Thread.ofVirtual().name("mail-outbox").start(this::runUntilClosed);
    }

    private void runUntilClosed() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (sendDue() < BATCH) {
                    Thread.sleep(idle);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "mail outbox pass skipped: " + e);
                try {
                    Thread.sleep(idle.multipliedBy(5));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** One pass: how many due messages it handled. */
    int sendDue() {
        DbTransaction tx = db.transaction();
        try {
            List<Due> due = tx.query("""
                    SELECT id, recipient, subject, body, attempts FROM mail_outbox
                     WHERE sent_at IS NULL AND next_attempt_at <= now()
                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""", BATCH)
                    .map(row -> new Due(Rows.uuid(row, "id"), new MailMessage(Rows.text(row, "recipient"),
                            Rows.text(row, "subject"), outbox.resolve(Rows.text(row, "body"))),
                            (int) Rows.number(row, "attempts")))
                    .toList();
            for (Due mail : due) {
                try {
                    transport.send(mail.message());
                    // The body goes once sent: it carries single-use links, which must not sit in the database.
                    tx.update("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, body = '' WHERE id = ?",
                            mail.id());
                } catch (Exception e) {
                    long backoff = Math.min(3600, 30L << Math.min(mail.attempts(), 7));
                    tx.update("""
                            UPDATE mail_outbox SET attempts = attempts + 1, last_error = left(?, 500),
                                   next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?""",
                            e.getClass().getSimpleName() + ": " + e.getMessage(), backoff, mail.id());
                    LOG.log(Level.WARNING, "mail " + mail.id() + " not sent (attempt " + (mail.attempts() + 1)
                            + "), retried in " + backoff + " s: " + e.getClass().getSimpleName());
                }
            }
            if (due.isEmpty() && lastPurge.plus(PURGE_EVERY).isBefore(Instant.now())) {
                tx.delete("DELETE FROM mail_outbox WHERE sent_at < now() - make_interval(days => ?::int)",
                        KEEP_SENT.toDays());
                lastPurge = Instant.now();
            }
            tx.commit();
            return due.size();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    private record Due(UUID id, MailMessage message, int attempts) {
    }

    @Override
    public void close() {
        loop.interrupt();
    }
}
