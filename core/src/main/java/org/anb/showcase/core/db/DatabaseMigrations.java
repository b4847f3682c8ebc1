package org.anb.showcase.core.db;

import io.helidon.config.Config;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}; safe to run from many nodes. */
public final class DatabaseMigrations {
    private DatabaseMigrations() {
    }

    /** @param dbConfig the {@code db} subtree (its {@code connection.url/username/password}) */
    public static void migrate(Config dbConfig) {
        Config connection = dbConfig.get("connection");
        Flyway.configure()
                .dataSource(connection.get("url").asString().get(),
                        connection.get("username").asString().orElse(null),
                        connection.get("password").asString().orElse(null))
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
