package org.anb.showcase.app.auth;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.dbclient.DbClient;

/**
 * Drops the held votes of accounts still unconfirmed {@code auth.held-votes-days} (7) after signing up. Deleting
 * them changes no counter (held votes never counted). Any instance may run it; running it twice is harmless.
 */
public final class HeldVoteExpiry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HeldVoteExpiry.class.getName());

    private final DbClient db;
    private final Duration keep;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("held-vote-expiry").daemon().factory());

    public HeldVoteExpiry(DbClient db, Duration keep, Duration every) {
        this.db = db;
        this.keep = keep;
        timer.scheduleWithFixedDelay(this::dropExpired, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    long dropExpired() {
        try {
            return db.execute().delete("""
                    DELETE FROM votes v USING users u
                     WHERE v.held AND u.id = v.user_id AND u.email_verified_at IS NULL
                       AND u.created_at < now() - make_interval(secs => ?)""", keep.toSeconds());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "held-vote expiry skipped: " + e);
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
