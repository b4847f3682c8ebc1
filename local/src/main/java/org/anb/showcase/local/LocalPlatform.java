package org.anb.showcase.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.anb.showcase.app.ApiServer;
import org.anb.showcase.core.db.DatabaseMigrations;
import org.anb.showcase.core.db.credentials.CredentialFile;
import org.anb.showcase.core.lifecycle.CloseableStack;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.worker.WorkerService;

/**
 * The whole platform on one machine: PostgreSQL, an SQS-protocol and an S3-protocol server, then the worker and last
 * the API, wired to them through configuration only — the same code that runs in AWS ({@code worker.enabled=false}
 * leaves the worker out). The API listens only once every other part runs, so its health never says up too early.
 * Configuration, strongest first: the caller's overrides, environment variables (as the README describes), the
 * values wired here, application.yaml. Closing it stops everything in reverse order.
 */
public final class LocalPlatform implements AutoCloseable {
    /** Credentials of the embedded S3/SQS servers; they guard nothing outside this machine. */
    static final String ACCESS_KEY = "anb-local";
    static final String SECRET_KEY = "anb-local-secret-key";
    static final String BUCKET = "anb-media";

    private final CloseableStack running = new CloseableStack();
    private final LocalSettings settings;
    private final Map<String, String> wiredValues = new HashMap<>();
    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final Config config;
    private final ApiServer api;
    private final List<ApiServer> extraApis = new java.util.ArrayList<>();
    private EmbeddedDatabase database;
    private EmbeddedQueueServer queueServer;
    private EmbeddedMailServer mailServer;
    private EmbeddedObjectStore objectServer;

    private LocalPlatform(LocalSettings settings, Map<String, String> overrides, Map<String, String> environment) {
        this.settings = settings;
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        try {
            // The quick servers first: a free port picked ahead (tests) must not be taken by one of the many
            // outgoing connections while PostgreSQL takes its seconds to start.
            mailServer = EmbeddedMailServer.start(settings.smtpPort(), settings.imapPort());
            started(() -> mailServer.close());
            // Pushed as lambdas over the fields: a fault test may have restarted a server since.
            database = EmbeddedDatabase.start(settings.postgresDir(), settings.postgresPort(), databaseCredentials());
            started(() -> database.close());
            queueServer = EmbeddedQueueServer.start(settings.sqsPort());
            started(() -> queueServer.close());
            objectServer = EmbeddedObjectStore.start(settings.objectsDir(), settings.s3Port(), siteOrigins());
            started(() -> objectServer.close());
            wire(database, queueServer, objectServer);
            this.config = build(Map.of());
            try (ObjectStore store = new ObjectStore(StorageSettings.from(config.get("storage")))) {
                store.ensureBucket();
            }
            // The platform owns its database: it brings the schema up to date before the worker, which only waits for
            // the schema (the API, started after it so that it closes first, would migrate it too late).
            DatabaseMigrations.migrate(config.get("db"));
            if (config.get("worker.enabled").asBoolean().orElse(true)) {
                started(WorkerService.start(config));
            }
            this.api = started(ApiServer.start(config));
            for (int port : settings.extraApiPorts()) {
                extraApis.add(started(ApiServer.start(build(Map.of("server.port", String.valueOf(port))))));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The platform as {@code LocalMain} runs it: this process's environment variables override any key. */
    public static LocalPlatform start(LocalSettings settings) {
        return new LocalPlatform(settings, Map.of(), System.getenv());
    }

    /** Starts with some configuration keys replaced (tests shorten timers this way); no environment is read. */
    public static LocalPlatform start(LocalSettings settings, Map<String, String> overrides) {
        return new LocalPlatform(settings, overrides, Map.of());
    }

    /** Starts as {@code LocalMain} would with these environment variables. */
    public static LocalPlatform start(LocalSettings settings, Map<String, String> overrides,
                                      Map<String, String> environment) {
        return new LocalPlatform(settings, overrides, environment);
    }

    /** Where it keeps data and which ports it listens on. */
    public LocalSettings settings() {
        return settings;
    }

    public ApiServer api() {
        return api;
    }

    /** The configuration the API runs with: what a worker or a test needs to reach the same servers. */
    public Config config() {
        return config;
    }

    /** The same configuration with some keys replaced: to start a second API against these servers, say. */
    public Config configWith(Map<String, String> replacements) {
        return build(replacements);
    }

    public String apiUrl() {
        return "http://localhost:" + api.port();
    }

    /** The API instances started besides the main one ({@code ANB_EXTRA_API_PORTS}), sharing every server. */
    public List<ApiServer> extraApis() {
        return List.copyOf(extraApis);
    }

    /** The browser front end is served by each API instance, so its origins are theirs. */
    private List<String> siteOrigins() {
        return settings.allApiPorts().stream().map(port -> "http://localhost:" + port).toList();
    }

    private void wire(EmbeddedDatabase db, EmbeddedQueueServer queues, EmbeddedObjectStore objects) {
        Map<String, String> values = wiredValues;
        values.put("server.port", String.valueOf(settings.apiPort()));
        values.put("health.port", "0"); // nothing balances local traffic; /api/health answers on the API port too
        values.put("site.enabled", "true");
        values.put("db.connection.url", db.jdbcUrl());
        values.put("db.credentials.file", databaseCredentials().path().toString());
        values.put("storage.endpoint", objects.endpoint().toString());
        values.put("storage.path-style", "true");
        values.put("storage.bucket", BUCKET);
        values.put("queue.endpoint", queues.endpoint().toString());
        values.put("queue.jobs-queue", EmbeddedQueueServer.JOBS_QUEUE);
        values.put("queue.dead-letter-queue", EmbeddedQueueServer.DEAD_LETTER_QUEUE);
        for (String service : new String[] {"storage", "queue"}) {
            values.put(service + ".access-key-id", ACCESS_KEY);
            values.put(service + ".secret-access-key", SECRET_KEY);
        }
        values.put("auth.jwt-secret", jwtSecret());
        values.put("mail.transport", "smtp");
        values.put("mail.smtp.host", "127.0.0.1");
        values.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        values.put("site.url", siteOrigins().getFirst());
        values.put("worker.server.port", String.valueOf(settings.workerPort()));
        values.put("worker.work-dir", settings.dataDir().resolve("worker").toString());
        // The first organizer: created (or given this password) at every start while these are set.
        values.put("staff.organizer-email", environment.getOrDefault("ANB_ORGANIZER_EMAIL", ""));
        values.put("staff.organizer-password", environment.getOrDefault("ANB_ORGANIZER_PASSWORD", ""));
    }

    /** The sources in order of strength (Helidon lets the first that has a key win). */
    private Config build(Map<String, String> replacements) {
        Map<String, String> explicit = new HashMap<>(overrides);
        explicit.putAll(replacements);
        return Config.builder()
                .sources(List.of(ConfigSources.create(explicit),
                        ConfigSources.create(EnvironmentVariables.expand(environment)),
                        ConfigSources.create(wiredValues),
                        ConfigSources.classpath("application.yaml")))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();
    }

    /** The database role's password, as RDS's secret holds it in AWS: made on first start, rotatable. */
    public CredentialFile databaseCredentials() {
        return new CredentialFile(settings.dataDir().resolve("db-credentials.json"));
    }

    /** A random 384-bit secret made on first start and kept in the data directory, so tokens survive restarts. */
    private String jwtSecret() {
        Path file = settings.dataDir().resolve("jwt-secret");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[48];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(settings.dataDir());
                Files.writeString(file, Base64.getEncoder().encodeToString(secret));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL, as an outage would; the API and worker are left running to cope. For fault tests. */
    public void stopDatabase() throws java.io.IOException {
        database.close();
    }

    /** Starts PostgreSQL again on the same port and data directory. */
    public void startDatabase() {
        database = EmbeddedDatabase.start(settings.postgresDir(), settings.postgresPort(), databaseCredentials());
    }

    /** Stops the SQS server; its queues and messages are gone, as in a broker crash. For fault tests. */
    public void stopQueue() {
        queueServer.close();
    }

    /** Starts the SQS server again on the same port, with its queues (empty). */
    public void startQueue() {
        queueServer = EmbeddedQueueServer.start(settings.sqsPort());
    }

    /** Stops the SMTP and IMAP server (mail already delivered is gone with it). For fault tests. */
    public void stopMail() {
        mailServer.close();
    }

    /** Starts the mail server again on the same ports, with empty mailboxes. */
    public void startMail() {
        mailServer = EmbeddedMailServer.start(settings.smtpPort(), settings.imapPort());
    }

    /** Stops the S3 server (its objects stay on disk). For fault tests. */
    public void stopObjectStore() throws Exception {
        objectServer.close();
    }

    /** Starts the S3 server again on the same port and directory. */
    public void startObjectStore() {
        objectServer = EmbeddedObjectStore.start(settings.objectsDir(), settings.s3Port(), siteOrigins());
    }

    private <T extends AutoCloseable> T started(T component) {
        return running.push(component);
    }

    @Override
    public void close() {
        running.close();
    }
}
