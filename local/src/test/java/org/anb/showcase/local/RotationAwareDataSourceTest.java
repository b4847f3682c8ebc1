package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.db.credentials.CredentialSource;
import org.anb.showcase.core.db.credentials.DatabaseCredentials;
import org.anb.showcase.core.db.credentials.RotationAwareDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-read on refusal against a real PostgreSQL that checks passwords: only a refused password makes it read
 * the source again, at most once per interval however many connections are refused at once, and nothing it says
 * shows a password.
 */
class RotationAwareDataSourceTest {
    @TempDir
    static Path dir;
    private static EmbeddedDatabase database;
    private static CredentialFile secret;

    private final AtomicInteger reads = new AtomicInteger();
    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void startDatabase() throws Exception {
        secret = new CredentialFile(dir.resolve("db-credentials.json"));
        database = EmbeddedDatabase.start(dir.resolve("postgres"), freePort(), secret);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    /** The credential file, counting how often it is read. */
    private CredentialSource countingSecret() {
        return new CredentialSource() {
            @Override
            public DatabaseCredentials read() {
                reads.incrementAndGet();
                return secret.read();
            }

            @Override
            public String describe() {
                return "the counted file";
            }
        };
    }

    private RotationAwareDataSource dataSource(String url) {
        return new RotationAwareDataSource(url, new Properties(), countingSecret(), clock);
    }

    @Test
    void concurrentRefusalsAfterARotationReadTheSecretOnceAndAllConnect() throws Exception {
        RotationAwareDataSource connections = dataSource(database.jdbcUrl());
        rotateTo("after-rotation-" + System.nanoTime());
        clock.advance(Duration.ofSeconds(6));

        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                attempts.add(threads.submit(() -> {
                    try (Connection c = connections.getConnection()) {
                        return c.isValid(1);
                    }
                }));
            }
            for (Future<Boolean> attempt : attempts) {
                assertThat(attempt.get()).isTrue();
            }
        }
        assertThat(reads).as("one read at start, one after the refusals").hasValue(2);
    }

    @Test
    void aWrongPasswordIsReadAgainAtMostOncePerIntervalAndNeverShown() throws Exception {
        DatabaseCredentials right = secret.read();
        RotationAwareDataSource connections = dataSource(database.jdbcUrl());
        try (Connection admin = connections.getConnection(); Statement s = admin.createStatement()) {
            s.execute("ALTER ROLE " + right.username() + " PASSWORD 'only-the-database-knows'");
        }
        try {
            clock.advance(Duration.ofSeconds(6));
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(connections::getConnection).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("28P01");
                    assertThat(e.toString()).doesNotContain(right.password(), "only-the-database-knows");
                });
            }
            assertThat(reads).as("start, then one re-read within the interval").hasValue(2);
            clock.advance(Duration.ofSeconds(6));
            assertThatThrownBy(connections::getConnection).isInstanceOf(SQLException.class);
            assertThat(reads).hasValue(3);
        } finally {
            rotateBackTo(right);
        }
    }

    @Test
    void aDatabaseThatIsNotThereIsNotAReasonToReadTheSecret() throws Exception {
        RotationAwareDataSource connections = dataSource("jdbc:postgresql://localhost:" + freePort() + "/anb");
        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(connections::getConnection).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("08001"));
        assertThat(reads).hasValue(1);
    }

    /** As RDS's rotation does: the database first, then the secret. */
    private static void rotateTo(String password) throws SQLException {
        DatabaseCredentials old = secret.read();
        RotationAwareDataSource admin = new RotationAwareDataSource(database.jdbcUrl(), new Properties(), secret,
                Clock.systemUTC());
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + old.username() + " PASSWORD '" + password + "'");
        }
        secret.write(new DatabaseCredentials(old.username(), password));
    }

    private static void rotateBackTo(DatabaseCredentials right) throws SQLException {
        secret.write(right);
        // the role's password is unknown to the file now: set it back as the superuser zonky trusts
        try (Connection c = java.sql.DriverManager.getConnection(
                database.jdbcUrl().replace("/anb", "/postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + right.username() + " PASSWORD '" + right.password() + "'");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
