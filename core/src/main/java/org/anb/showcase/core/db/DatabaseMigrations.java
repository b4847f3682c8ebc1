package org.anb.showcase.core.db;

import io.helidon.config.Config;
import org.anb.showcase.core.db.credentials.RotationAwareDataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}; safe to run from many nodes. */
public final class DatabaseMigrations {
    private DatabaseMigrations() {
    }

    /** @param dbConfig the {@code db} subtree: the same connection and credentials the pool uses */
    public static void migrate(Config dbConfig) {
        try (RotationAwareDataSource connections = DatabasePool.unpooled(dbConfig)) {
            Flyway.configure()
                    .dataSource(connections)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
    }
}
