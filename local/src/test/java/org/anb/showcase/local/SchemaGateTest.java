package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.helidon.config.Config;
import org.anb.showcase.core.db.DatabaseMigrations;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.support.TestPlatform;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: a new release's worker never runs against the previous schema. On a real PostgreSQL schema left one
 * migration behind (as while the API's fleet is still rolling), the worker's gate waits, and opens once the API
 * migrates.
 */
class SchemaGateTest {
    @Test
    void theWorkerWaitsForTheApiToMigrateAndGivesUpClearlyIfItNeverDoes() throws Exception {
        String schema = "schema_gate_" + System.nanoTime();
        try {
            waitsThenOpens(schemaOneMigrationBehind(schema));
        } finally {
            TestPlatform.database().update("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void waitsThenOpens(Config db) throws Exception {
        assertThatThrownBy(() -> DatabaseMigrations.awaitApplied(db, Duration.ofMillis(300), Duration.ofMillis(100)))
                .hasMessageContaining("still lacks 1 migration(s) up to V").hasMessageContaining("API");

        var gate = CompletableFuture.runAsync(() -> {
            try {
                DatabaseMigrations.awaitApplied(db, Duration.ofSeconds(30), Duration.ofMillis(100));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(gate).as("still waiting").isNotDone();
        DatabaseMigrations.migrate(db); // the API of the release starts
        gate.get(10, TimeUnit.SECONDS);
    }

    /** A schema of its own in the test database (the extensions stay reachable in public). */
    private static Config schemaOneMigrationBehind(String schema) {
        Config db = TestPlatform.platform().configWith(Map.of("db.connection.dataSource.currentSchema",
                schema + ",public")).get("db");
        try (var connections = DatabasePool.unpooled(db)) {
            var flyway = Flyway.configure().dataSource(connections).schemas(schema).locations("classpath:db/migration");
            var all = flyway.load().info().all();
            String previous = all[all.length - 2].getVersion().getVersion();
            flyway.target(previous).load().migrate();
        }
        return db;
    }
}
