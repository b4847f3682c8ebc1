package org.anb.showcase.app.videos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.helidon.dbclient.DbClient;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.ProcessingJob;
import org.anb.showcase.core.storage.ObjectStore;

/**
 * Every {@code sweep-interval}: re-enqueues uploads that have waited in {@code uploaded} longer than
 * {@code requeue-after} — but only while no job waits on the queue: then the job was lost (a crash between the row and
 * the send, a queue purge); with jobs waiting, the workers are merely behind, and a second copy of each would only
 * swell the backlog the worker group scales on. Videos whose worker died holding them (lease long expired) are sent
 * back either way. It also removes direct-upload forms that expired without completion, with what their clients put in staging.
 * Duplicate jobs are harmless: the worker's status transitions are conditional, so a second message does no work.
 * It also deletes the files of erased accounts still waiting in {@link ObjectDeletions}.
 */
public final class UploadSweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UploadSweeper.class.getName());
    private static final int BATCH = 100;

    private final VideoRepository videos;
    private final PendingUploads pending;
    private final ObjectStore store;
    private final JobQueue queue;
    private final UploadLimits limits;
    private final ObjectDeletions deletions;
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("upload-sweeper").daemon().factory());

    private UploadSweeper(VideoRepository videos, PendingUploads pending, ObjectStore store, JobQueue queue,
                          UploadLimits limits, ObjectDeletions deletions) {
        this.deletions = deletions;
        this.videos = videos;
        this.pending = pending;
        this.store = store;
        this.queue = queue;
        this.limits = limits;
    }

    public static UploadSweeper create(DbClient db, ObjectStore store, JobQueue queue, UploadLimits limits,
                                       ObjectDeletions deletions) {
        return new UploadSweeper(new VideoRepository(db), new PendingUploads(db), store, queue, limits, deletions);
    }

    public void start() {
        long every = limits.sweepEvery().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One pass; answers how many jobs were re-sent. */
    public int sweep() {
        int sent = 0;
        boolean jobsWaiting = queue.waitingJobs() > 0;
        for (VideoRepository.StuckVideo stuck : videos.claimStuckLongerThan(limits.requeueAfter(), BATCH, !jobsWaiting)) {
            queue.send(new ProcessingJob(stuck.id()));
            requeued(stuck.status()).increment();
            sent++;
            LOG.log(System.Logger.Level.INFO, "re-enqueued video=" + stuck.id() + " stuck in " + stuck.status());
        }
        sweepExpiredForms();
        deletions.drain(BATCH);
        return sent;
    }

    /** Forms expired a minute ago (a client's last POST may still be arriving at the deadline) leave nothing. */
    private void sweepExpiredForms() {
        List<String> staged = pending.takeExpired(Duration.ofMinutes(1), BATCH);
        for (String key : staged) {
            store.delete(key);
        }
        if (!staged.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "removed " + staged.size() + " expired direct upload(s)");
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The database or the queue is away; unsent rows come up again after requeue-after.
            LOG.log(System.Logger.Level.WARNING, "upload sweep skipped: " + e);
        }
    }

    /** {@code anb_api_requeued_jobs_total{status}}: how many stuck videos the sweeper sent back, by where they were. */
    private Counter requeued(String status) {
        return registry.getOrCreate(Counter.builder("anb_api_requeued_jobs_total")
                .description("Stuck videos sent to the workers again").tags(List.of(Tag.create("status", status))));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
