package org.anb.showcase.local;

import java.util.concurrent.CountDownLatch;

import io.helidon.logging.common.LogConfig;

/** {@code ./mvnw -pl local -am -Prun package}: the whole platform on this machine until Ctrl-C. */
public final class LocalMain {
    private LocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LogConfig.configureRuntime();
        LocalSettings settings = LocalSettings.fromEnvironment();
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(settings);
        } catch (RuntimeException | Error e) {
            System.err.println("The local platform could not start: " + StartupFailure.explain(e, settings));
            if (Boolean.getBoolean("anb.trace")) {
                e.printStackTrace();
            }
            // The embedded servers may leave non-daemon threads behind; do not hang.
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: jobs in flight are finished or handed back to the queue...");
            platform.close();
            stopped.countDown();
        }, "local-shutdown"));
        String url = platform.apiUrl();
        System.out.printf("""

                ANB Rising Stars Showcase is running locally.
                  Site     %s/  (open it in a browser)
                  API      %s/api  (health: %s/api/health, OpenAPI: %s/api/openapi.yaml)
                  Worker   http://localhost:%d/observe/health  and  /observe/metrics
                  S3       http://localhost:%d  (bucket %s)
                  SQS      http://localhost:%d
                  Mail     IMAP localhost:%d (login and password: the address), SMTP localhost:%d
                  Postgres localhost:%d/anb  (role anb; password in db-credentials.json in the data directory)
                  Data     %s
                  More API %s
                Stop with Ctrl-C; data is kept for the next start.
                %n""", url, url, url, url, settings.workerPort(), settings.s3Port(),
                LocalPlatform.BUCKET, settings.sqsPort(), settings.imapPort(), settings.smtpPort(), settings.postgresPort(), settings.dataDir(),
                settings.extraApiPorts().isEmpty() ? "none (ANB_EXTRA_API_PORTS=8090 starts one on :8090)"
                        : settings.extraApiPorts().stream().map(p -> "http://localhost:" + p).toList());
        stopped.await();
    }
}
