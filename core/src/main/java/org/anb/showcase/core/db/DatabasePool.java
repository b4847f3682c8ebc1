package org.anb.showcase.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.CloseableJdbcConnectionPool;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.anb.showcase.core.db.credentials.CredentialSource;
import org.anb.showcase.core.db.credentials.RotationAwareDataSource;

/**
 * The database as the API and the worker reach it: a Hikari pool over a {@link RotationAwareDataSource}, so the
 * credentials may rotate under it, behind a Helidon {@link DbClient}. Configured from {@code db}: {@code connection.url},
 * Hikari's settings under {@code connection} (e.g. {@code maximumPoolSize}), the driver's under
 * {@code connection.dataSource}, and the credentials as {@link CredentialSource} describes.
 */
public final class DatabasePool implements CloseableJdbcConnectionPool {
    private static final String DRIVER_PREFIX = "dataSource.";

    private static final Set<String> CREDENTIAL_KEYS = Set.of("url", "username", "password");

    private final HikariDataSource pool;
    private final RotationAwareDataSource connections;

    private DatabasePool(HikariDataSource pool, RotationAwareDataSource connections) {
        this.pool = pool;
        this.connections = connections;
    }

    /** A new pool; give it to a client with {@link #client()}. */
    public static DatabasePool open(Config db) {
        Properties hikari = new Properties();
        connectionSettings(db).forEach((key, value) -> {
            if (!key.startsWith(DRIVER_PREFIX) && !CREDENTIAL_KEYS.contains(key)) {
                hikari.setProperty(key, value);
            }
        });
        HikariConfig config = new HikariConfig(hikari);
        RotationAwareDataSource connections = unpooled(db);
        config.setDataSource(connections);
        return new DatabasePool(new HikariDataSource(config), connections);
    }

    /** One new connection per call, with rotation-aware credentials: for migrations and tests. */
    public static RotationAwareDataSource unpooled(Config db) {
        Properties driver = new Properties();
        connectionSettings(db).forEach((key, value) -> {
            if (key.startsWith(DRIVER_PREFIX)) {
                driver.setProperty(key.substring(DRIVER_PREFIX.length()), value);
            }
        });
        String url = db.get("connection.url").asString()
                .orElseThrow(() -> new IllegalArgumentException("db.connection.url is not set"));
        return new RotationAwareDataSource(url, driver, CredentialSource.from(db), Clock.systemUTC());
    }

    private static Map<String, String> connectionSettings(Config db) {
        return db.get("connection").detach().asMap().orElse(Map.of());
    }

    /**
     * Publishes the pool's gauges and timers ({@code hikaricp_connections_*}: active, idle, pending, timeouts,
     * acquire time) to a Micrometer registry.
     */
    public DatabasePool publishingMetricsTo(Object micrometerRegistry) {
        pool.setMetricRegistry(micrometerRegistry);
        return this;
    }

    /** A Helidon client over this pool; closing the client closes the pool and its credential source. */
    public DbClient client() {
        return JdbcClientBuilder.create().connectionPool(this).build();
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("no database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public String dbType() {
        return "jdbc:postgresql";
    }

    @Override
    public void close() {
        pool.close();
        connections.close();
    }
}
