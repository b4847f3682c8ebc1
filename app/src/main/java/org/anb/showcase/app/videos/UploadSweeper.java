package org.anb.showcase.app.videos;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.ProcessingJob;

/**
 * Re-enqueues uploads that have waited in {@code uploaded} longer than {@code requeue-after}: the job was lost
 * (a crash between the row and the send, a queue purge) or the workers are behind. Duplicates are harmless: the
 * worker's status transitions are conditional, so a second message for the same video does no work.
 */
public final class UploadSweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UploadSweeper.class.getName());
    private static final int BATCH = 100;

    private final VideoRepository videos;
    private final JobQueue queue;
    private final UploadLimits limits;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("upload-sweeper").daemon().factory());

    public UploadSweeper(VideoRepository videos, JobQueue queue, UploadLimits limits) {
        this.videos = videos;
        this.queue = queue;
        this.limits = limits;
    }

    public void start() {
        long every = limits.sweepEvery().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One pass; answers how many jobs were re-sent. */
    public int sweep() {
        List<UUID> waiting = videos.claimWaitingLongerThan(limits.requeueAfter(), BATCH);
        int sent = 0;
        for (UUID videoId : waiting) {
            queue.send(new ProcessingJob(videoId));
            sent++;
        }
        if (sent > 0) {
            LOG.log(System.Logger.Level.INFO, "re-enqueued " + sent + " waiting upload(s)");
        }
        return sent;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The database or the queue is away; unsent rows come up again after requeue-after.
            LOG.log(System.Logger.Level.WARNING, "upload sweep skipped: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
