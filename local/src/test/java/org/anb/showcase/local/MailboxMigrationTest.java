package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.db.credentials.DatabaseCredentials;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V10 made one account per mailbox. Deployments that ran before it may hold accounts sharing a Gmail mailbox: the
 * migration must keep every one of them (the oldest keeps the mailbox's key) and from then on refuse another.
 * A database of its own, migrated to V9, given such accounts, then to the latest version.
 */
class MailboxMigrationTest {
    @Test
    void accountsThatSharedAMailboxBeforeV10AreKeptAndTheOldestKeepsItsKey(@TempDir Path dir) throws Exception {
        CredentialFile credentials = new CredentialFile(dir.resolve("db-credentials.json"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("pg"), LocalSettings.freePort(),
                credentials)) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(database.jdbcUrl());
            DatabaseCredentials login = credentials.read();
            source.setUser(login.username());
            source.setPassword(login.password());
            migrate(source, "9");
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (first_name, last_name, email, password_hash, city, country, created_at) "
                        + "VALUES ('Ana', 'Pérez', 'Ana.Perez@gmail.com', 'x', 'Cali', 'Colombia', now() - interval '2 days'), "
                        + "('Ana', 'Pérez', 'anaperez+2@googlemail.com', 'x', 'Cali', 'Colombia', now() - interval '1 day')");
            }

            migrate(source, "latest");

            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                List<String> keys = new ArrayList<>();
                try (ResultSet rows = s.executeQuery("SELECT email_key FROM users ORDER BY created_at")) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                assertThat(keys).hasSize(2);
                assertThat(keys.get(0)).as("the oldest account keeps the mailbox").isEqualTo("anaperez@gmail.com");
                assertThat(keys.get(1)).as("a later one is kept under its own key").startsWith("anaperez@gmail.com#");
                assertThatThrownBy(() -> s.execute("INSERT INTO users (first_name, last_name, email, password_hash, "
                        + "city, country) VALUES ('Ana', 'Pérez', 'a.na.perez@gmail.com', 'x', 'Cali', 'Colombia')"))
                        .as("from V10 on, the mailbox signs up once").isInstanceOf(SQLException.class)
                        .hasMessageContaining("users_email_key");
            }
        }
    }

    private static void migrate(PGSimpleDataSource source, String target) {
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target(target).load().migrate();
    }
}
