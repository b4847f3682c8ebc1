package org.anb.showcase.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.QueueSettings;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;

/**
 * One local platform (real PostgreSQL, ElasticMQ, S3Proxy and the API) shared by every test class of this JVM, on
 * free ports and a throwaway data directory. Tests isolate themselves by creating their own users.
 */
public final class TestPlatform {
    /** Low bcrypt cost keeps signups fast in tests; production uses the configured default. */
    static final Map<String, String> TEST_CONFIG = pairs(
            "auth.bcrypt-cost", "4",
            // The API tests read the queue themselves; worker tests start their own workers.
            "worker.enabled", "false",
            "uploads.sweep-interval-seconds", "1",
            // Longer than the suite: API tests leave uploads unprocessed, and a sweep sending them to a worker test's
            // worker would change its counts. The sweeper's own tests age their rows past it.
            "uploads.requeue-after-seconds", "3600",
            // Every test client is 127.0.0.1: the per-client limits are tested on their own platform (AbuseTest),
            // not shared across the suite.
            "auth.login-throttle.client-failures", "100000",
            "limits.signup.per-client", "100000", "limits.vote.per-client", "100000",
            "limits.concurrent-per-client", "100000", "limits.report.per-client", "100000",
            "limits.mail.per-client", "100000",
            // Edition tests set and clear the contest row directly between tests: every request reads it afresh.
            "contest.fresh-ms", "0",
            // Mail leaves within a tenth of a second; held votes of week-old unconfirmed accounts go within one.
            "mail.poll-ms", "100", "auth.held-votes-sweep-ms", "200");

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }

    private static LocalPlatform platform;
    private static ObjectStore store;
    private static JobQueue queue;
    private static TestDatabase database;

    private TestPlatform() {
    }

    public static synchronized LocalPlatform platform() {
        if (platform == null) {
            try {
                Path dir = Files.createTempDirectory("anb-test-");
                platform = LocalPlatform.start(LocalSettings.ephemeral(dir), TEST_CONFIG);
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
                RunOutputScan.remember(platform.config().get("auth.jwt-secret").asString().get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    public static ApiClient api() {
        return new ApiClient(platform().apiUrl(), id -> database().update(
                "UPDATE users SET email_verified_at = now() WHERE id = ?", id));
    }

    public static synchronized ObjectStore store() {
        if (store == null) {
            store = new ObjectStore(StorageSettings.from(platform().config().get("storage")));
        }
        return store;
    }

    public static synchronized JobQueue queue() {
        if (queue == null) {
            queue = new JobQueue(QueueSettings.from(platform().config().get("queue")));
        }
        return queue;
    }

    public static synchronized TestDatabase database() {
        if (database == null) {
            database = new TestDatabase(DatabasePool.unpooled(platform().config().get("db")));
        }
        return database;
    }
}
