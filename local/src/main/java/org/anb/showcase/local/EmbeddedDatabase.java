package org.anb.showcase.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.db.credentials.DatabaseCredentials;

/**
 * A real PostgreSQL 17 server (zonky's binaries) whose data directory survives restarts, set up as in AWS: the
 * platform logs in as its own role with a password (checked with SCRAM, so a wrong or rotated one is refused), read
 * from a credential file shaped like RDS's secret. Only the superuser, which zonky itself uses, is trusted on
 * localhost.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String APP_ROLE = "anb";
    public static final String APP_DATABASE = "anb";
    private static final String HBA = """
            # Written by the local platform at each start (hba_file): the superuser zonky uses is trusted on
            # localhost; every other role logs in with its SCRAM password, as on RDS.
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts the server and makes sure the platform's role and database exist, with the file's password. */
    public static EmbeddedDatabase start(Path dataDir, int port, CredentialFile credentials) {
        try {
            Files.createDirectories(dataDir);
            Path hba = dataDir.resolveSibling("pg_hba.conf");
            Files.writeString(hba, HBA);
            EmbeddedDatabase db = new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("hba_file", hba.toString())
                    .setPort(port)
                    .start(), port);
            db.provision(credentials);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** The URL the platform connects with; the credentials come from the file, not from here. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + APP_DATABASE;
    }

    /** Gives the role the file's password (a new random one on first start) and the database it owns. */
    private void provision(CredentialFile file) {
        DatabaseCredentials credentials = Files.exists(file.path()) ? file.read() : firstCredentials(file);
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            String password = "PASSWORD '" + credentials.password().replace("'", "''") + "'";
            String role = '"' + credentials.username().replace("\"", "\"\"") + '"';
            statement.execute(exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", credentials.username())
                    ? "ALTER ROLE " + role + " LOGIN " + password
                    : "CREATE ROLE " + role + " LOGIN " + password);
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", APP_DATABASE)) {
                statement.execute("CREATE DATABASE " + APP_DATABASE + " OWNER " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the role and database of the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static DatabaseCredentials firstCredentials(CredentialFile file) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        DatabaseCredentials credentials = new DatabaseCredentials(APP_ROLE,
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        file.write(credentials);
        return credentials;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
