package org.anb.showcase.worker.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;

/**
 * What the worker reports at {@code /observe/metrics}: jobs by outcome, the processing-time histogram, how long
 * the last job waited on the queue before a worker took it (queue lag), and the jobs in flight.
 */
public final class WorkerMetrics {
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Timer processing = registry.getOrCreate(Timer.builder("anb_worker_processing_seconds")
            .description("Time to process one job, receive to delete").publishPercentileHistogram(true));
    private final AtomicLong lastQueueLagMillis = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    public WorkerMetrics() {
        registry.getOrCreate(Gauge.builder("anb_worker_queue_lag_seconds", lastQueueLagMillis, v -> v.get() / 1000.0)
                .description("Age of the most recently received job when a worker took it"));
        registry.getOrCreate(Gauge.builder("anb_worker_jobs_in_flight", inFlight, AtomicInteger::get)
                .description("Jobs being processed now"));
    }

    public void jobEnded(String outcome) {
        registry.getOrCreate(Counter.builder("anb_worker_jobs_total").tags(java.util.List.of(
                io.helidon.metrics.api.Tag.create("outcome", outcome)))).increment();
    }

    public long count(String outcome) {
        return Metrics.getCounter("anb_worker_jobs_total",
                java.util.List.of(io.helidon.metrics.api.Tag.create("outcome", outcome))).map(Counter::count).orElse(0L);
    }

    public void processed(Duration took) {
        processing.record(took);
    }

    public void received(Duration waitedOnQueue) {
        lastQueueLagMillis.set(waitedOnQueue.toMillis());
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
