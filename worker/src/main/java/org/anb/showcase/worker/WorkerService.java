package org.anb.showcase.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import org.anb.showcase.core.db.DatabaseMigrations;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.core.lifecycle.CloseableStack;
import org.anb.showcase.core.lifecycle.PortUnavailableException;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.QueueSettings;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.worker.brand.AnbBrand;
import org.anb.showcase.worker.consume.DeadLetterHandler;
import org.anb.showcase.worker.consume.JobConsumer;
import org.anb.showcase.worker.jobs.JobProcessor;
import org.anb.showcase.worker.jobs.JobRepository;
import org.anb.showcase.worker.media.BroadcastEncoder;
import org.anb.showcase.worker.media.EncodeLimits;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.MediaProbe;
import org.anb.showcase.worker.media.MediaRules;
import org.anb.showcase.worker.observe.WorkerMetrics;
import org.anb.showcase.worker.scale.AutoScalingProtector;
import org.anb.showcase.worker.scale.ScaleInProtection;

/**
 * A running worker: the job consumer, the dead-letter handler, and a small server with {@code /observe/health}
 * (readiness: database and queue reachable; liveness: still receiving) and {@code /observe/metrics}.
 * {@code WorkerMain} runs it in production; the local mode runs it beside the API. Closing it stops receiving,
 * finishes or releases the jobs in flight, and stops everything else in reverse order.
 */
public final class WorkerService implements AutoCloseable {
    private final CloseableStack running = new CloseableStack();
    private final WorkerMetrics metrics = new WorkerMetrics();
    private WebServer observer;

    private WorkerService() {
    }

    /** @param config the root config: {@code db}, {@code storage}, {@code queue}, {@code worker} */
    public static WorkerService start(Config config) {
        WorkerService service = new WorkerService();
        try {
            service.wire(config);
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service.close();
            throw new IllegalStateException("interrupted while waiting for the schema", e);
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
    }

    private void wire(Config config) throws InterruptedException {
        WorkerSettings settings = WorkerSettings.from(config.get("worker"));
        // A new release's worker may start before its API has migrated the schema (both fleets roll at once).
        DatabaseMigrations.awaitApplied(config.get("db"), settings.schemaPatience(), Duration.ofSeconds(5));
        DbClient db = started(DatabasePool.open(config.get("db"))
                .publishingMetricsTo(Metrics.globalRegistry().unwrap(io.micrometer.core.instrument.MeterRegistry.class))
                .client());
        ObjectStore store = started(new ObjectStore(StorageSettings.from(config.get("storage"))));
        JobQueue queue = started(new JobQueue(QueueSettings.from(config.get("queue"))));
        JobRepository jobs = new JobRepository(db);
        FfmpegTools tools = FfmpegTools.from(config.get("worker")).verify();
        Path jobsDir = settings.workDir().resolve("jobs");
        JobProcessor.removeLeftovers(jobsDir); // a crashed run's downloads and encodes: nothing will resume them
        JobProcessor processor = started(new JobProcessor(jobs, store,
                new MediaProbe(tools, MediaRules.from(config.get("worker.media"))),
                new BroadcastEncoder(tools, brandAssets(settings), settings.preset(),
                        EncodeLimits.from(config.get("worker"))),
                jobsDir, settings.lease()));
        JobConsumer consumer = new JobConsumer(queue, processor, settings, metrics, scaleInProtection(config));

        observer = WebServer.builder()
                .config(config.get("worker.server"))
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().details(true)
                                .addCheck(() -> check(() -> db.execute().get("SELECT 1 AS ok")),
                                        HealthCheckType.READINESS, "database")
                                .addCheck(() -> check(queue::ping), HealthCheckType.READINESS, "queue")
                                .addCheck(() -> HealthCheckResponse.builder().status(consumer.isReceiving()).build(),
                                        HealthCheckType.LIVENESS, "receiver")
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .build()
                .start();
        started(observer::stop);
        if (!observer.isRunning()) {
            throw new PortUnavailableException("the worker's health server",
                    config.get("worker.server.port").asInt().orElse(8081));
        }
        started(consumer).start();
        if (settings.deadLetterHandler()) {
            started(new DeadLetterHandler(queue, jobs, metrics, settings.receiveWait())).start();
        }
    }

    private static AnbBrand.Assets brandAssets(WorkerSettings settings) {
        try {
            return AnbBrand.writeTo(Files.createDirectories(settings.workDir().resolve("brand")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HealthCheckResponse check(Runnable probe) {
        try {
            probe.run();
            return HealthCheckResponse.builder().status(true).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
        }
    }

    private <T extends AutoCloseable> T started(T component) {
        return running.push(component);
    }

    /** In AWS ({@code worker.scale-in-protection}), the instance is kept from scale-in while it holds a job. */
    private ScaleInProtection scaleInProtection(Config config) {
        Config worker = config.get("worker");
        if (!worker.get("scale-in-protection").asBoolean().orElse(false)) {
            return ScaleInProtection.NONE;
        }
        var protector = started(new AutoScalingProtector(config.get("queue.region").asString().orElse("us-east-1"),
                worker.get("autoscaling-endpoint").asString().map(URI::create),
                URI.create(worker.get("metadata-endpoint").asString().orElse("http://169.254.169.254"))));
        return new ScaleInProtection(protector);
    }

    /** The port of the health and metrics server. */
    public int observePort() {
        return observer.port();
    }

    public WorkerMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        running.close();
    }
}
