package org.anb.showcase.core.db.credentials;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Opens connections with the credentials its {@link CredentialSource} holds, and when PostgreSQL refuses them
 * (SQLState 28P01 wrong password, 28000 no such role or not allowed) reads the source again and retries once with
 * what it finds. So a password rotated under a running API or worker costs one refused attempt, not a restart:
 * connections already open keep working (PostgreSQL checks passwords only at log-in), and the pool's next new
 * connection picks up the new password.
 *
 * <p>Written here because the libraries that do this (aws-secretsmanager-jdbc, aws-advanced-jdbc-wrapper) read only
 * from Secrets Manager, which has no local stand-in; this one reads whatever source the configuration names, so
 * local mode and the tests run the same re-read as production. Re-reads are at most one per
 * {@link #MIN_REREAD_INTERVAL}, so a wrong password does not become a flood of Secrets Manager calls.
 */
public final class RotationAwareDataSource implements DataSource, AutoCloseable {
    static final Duration MIN_REREAD_INTERVAL = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(RotationAwareDataSource.class.getName());

    private final String url;
    private final Properties driverProperties;
    private final CredentialSource source;
    private final Clock clock;
    private final Driver driver;
    private DatabaseCredentials current;
    private Instant lastRead;

    /**
     * @param driverProperties passed to the driver with every connection (e.g. {@code stringtype}); user and
     *                         password are added from the source
     */
    public RotationAwareDataSource(String url, Properties driverProperties, CredentialSource source, Clock clock) {
        this.url = url;
        this.driverProperties = driverProperties;
        this.source = source;
        this.clock = clock;
        try {
            this.driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalArgumentException("no JDBC driver for db.connection.url " + url, e);
        }
        this.current = source.read();
        this.lastRead = clock.instant();
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseCredentials used = credentials();
        try {
            return connect(used);
        } catch (SQLException refused) {
            if (!isAuthenticationFailure(refused)) {
                throw refused;
            }
            DatabaseCredentials reread = rereadAfterRefusal(used, refused);
            if (reread.equals(used)) {
                throw refused;
            }
            return connect(reread);
        }
    }

    /** The credentials currently held, as a user of the pool's connections would log in. */
    public synchronized DatabaseCredentials credentials() {
        return current;
    }

    static boolean isAuthenticationFailure(SQLException e) {
        String state = e.getSQLState();
        return "28P01".equals(state) || "28000".equals(state);
    }

    private Connection connect(DatabaseCredentials credentials) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        properties.setProperty("user", credentials.username());
        properties.setProperty("password", credentials.password());
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver does not take " + url, "08001");
        }
        return connection;
    }

    /** The source's credentials now; another thread's fresh re-read, or those held, if it was read too recently. */
    private synchronized DatabaseCredentials rereadAfterRefusal(DatabaseCredentials refusedOnes, SQLException refusal)
            throws SQLException {
        if (!current.equals(refusedOnes)) {
            return current; // another connection attempt already found the new ones
        }
        Instant now = clock.instant();
        if (Duration.between(lastRead, now).compareTo(MIN_REREAD_INTERVAL) < 0) {
            return current;
        }
        lastRead = now;
        try {
            current = source.read();
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
            throw refusal;
        }
        LOG.log(System.Logger.Level.INFO, "The database refused the credentials of user {0}; read {1} again{2}",
                refusedOnes.username(), source.describe(),
                current.equals(refusedOnes) ? " and found no change" : " and found new ones");
        return current;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials come from " + source.describe());
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
        driverProperties.setProperty("loginTimeout", String.valueOf(seconds));
    }

    @Override
    public int getLoginTimeout() {
        return Integer.parseInt(driverProperties.getProperty("loginTimeout", "0"));
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
