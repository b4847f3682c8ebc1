package org.anb.showcase.core.db;

import java.time.Duration;
import java.time.Instant;

import io.helidon.config.Config;
import org.anb.showcase.core.db.credentials.RotationAwareDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration}; safe to run from many nodes. The API
 * migrates; the worker, which carries the same migrations, waits until the schema holds all of them, so a worker of a
 * new release never runs against the previous schema, whichever fleet a deploy rolls first.
 */
public final class DatabaseMigrations {
    private static final System.Logger LOG = System.getLogger(DatabaseMigrations.class.getName());

    private DatabaseMigrations() {
    }

    /** @param dbConfig the {@code db} subtree: the same connection and credentials the pool uses */
    public static void migrate(Config dbConfig) {
        try (RotationAwareDataSource connections = DatabasePool.unpooled(dbConfig)) {
            flyway(connections).migrate();
        }
    }

    /**
     * Returns once no migration this build carries is pending (a schema ahead of it is fine: migrations only add).
     * Checks every {@code pollEvery}, saying what it waits for; throws after {@code patience}.
     */
    public static void awaitApplied(Config dbConfig, Duration patience, Duration pollEvery) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        try (RotationAwareDataSource connections = DatabasePool.unpooled(dbConfig)) {
            Flyway flyway = flyway(connections);
            while (true) {
                MigrationInfo[] pending = flyway.info().pending();
                if (pending.length == 0) {
                    return;
                }
                String wanted = "V" + pending[pending.length - 1].getVersion();
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the schema still lacks " + pending.length + " migration(s) up to "
                            + wanted + " after " + patience.toSeconds() + " s: has the API of this release started?");
                }
                LOG.log(System.Logger.Level.INFO, "waiting for the API to migrate the schema to " + wanted + " ("
                        + pending.length + " migration(s) pending)");
                Thread.sleep(pollEvery.toMillis());
            }
        }
    }

    private static Flyway flyway(RotationAwareDataSource connections) {
        return Flyway.configure().dataSource(connections).locations("classpath:db/migration").load();
    }
}
