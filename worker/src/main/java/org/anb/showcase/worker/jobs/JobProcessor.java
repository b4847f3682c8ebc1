package org.anb.showcase.worker.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.worker.media.BroadcastEncoder;
import org.anb.showcase.worker.media.InvalidMediaException;
import org.anb.showcase.worker.media.MediaProbe;
import org.anb.showcase.worker.media.ProbedVideo;

/**
 * One job, start to finish: claim the row, download the original, probe it, encode it, store the outputs under
 * their deterministic keys, mark the row processed. What the input causes (the probe refuses it, ffmpeg cannot decode
 * it or runs past its budget) fails the video at once with its reason; any exception it lets through is the
 * infrastructure's (S3, database, ffmpeg missing, a full disk): the message stays on the queue for another attempt.
 * Its work directory is always removed.
 */
public final class JobProcessor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobProcessor.class.getName());

    private final JobRepository jobs;
    private final ObjectStore store;
    private final MediaProbe probe;
    private final BroadcastEncoder encoder;
    private final Path workRoot;
    private final Duration lease;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lease-renewals").daemon().factory());

    /** @param lease how long a claim holds the video without renewal; renewed every third of it while we work */
    public JobProcessor(JobRepository jobs, ObjectStore store, MediaProbe probe, BroadcastEncoder encoder, Path workRoot,
                        Duration lease) {
        this.jobs = jobs;
        this.store = store;
        this.probe = probe;
        this.encoder = encoder;
        this.workRoot = workRoot;
        this.lease = lease;
    }

    public JobResult process(UUID videoId, int attempt) throws InterruptedException {
        JobRepository.Claim claim = jobs.claim(videoId, lease);
        if (claim instanceof JobRepository.Claim.Busy busy) {
            LOG.log(System.Logger.Level.INFO, "job video=" + videoId + " attempt=" + attempt
                    + " outcome=busy (another worker's lease runs until " + busy.leaseExpiresAt() + ")");
            return JobResult.busyUntil(busy.leaseExpiresAt());
        }
        if (!(claim instanceof JobRepository.Claim.Taken taken)) {
            LOG.log(System.Logger.Level.INFO, "job video=" + videoId + " attempt=" + attempt + " outcome=skipped");
            return JobResult.of(JobOutcome.SKIPPED);
        }
        if (taken.takeover()) {
            LOG.log(System.Logger.Level.WARNING, "job video=" + videoId + " attempt=" + attempt
                    + " took over a lease that expired (its worker died)");
        }
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(videoId, taken.leaseId()),
                every, every, TimeUnit.MILLISECONDS);
        boolean ended = false;
        try {
            JobOutcome outcome = run(videoId, attempt, taken);
            ended = true;
            return JobResult.of(outcome);
        } finally {
            renewal.cancel(false);
            if (!ended) {
                releaseQuietly(videoId, taken.leaseId()); // the retry, ours or another worker's, need not wait
            }
        }
    }

    private JobOutcome run(UUID videoId, int attempt, JobRepository.Claim.Taken taken) throws InterruptedException {
        Stopwatch clock = new Stopwatch();
        Path work = createWorkDir(videoId);
        try {
            Path input = work.resolve("original.mp4");
            store.download(taken.originalKey(), input);
            clock.lap("download");
            Path video = work.resolve("broadcast.mp4");
            Path poster = work.resolve("poster.jpg");
            try {
                ProbedVideo probed = probe.probe(input);
                clock.lap("probe");
                encoder.encode(input, probed, probe.excerpt(probed, taken.start()), video, poster);
                clock.lap("encode");
            } catch (InvalidMediaException e) {
                jobs.reject(videoId, taken.leaseId(), e.getMessage());
                log(videoId, attempt, "rejected", clock, " reason=\"" + e.getMessage() + "\"");
                return JobOutcome.REJECTED;
            }
            store.upload(ObjectKeys.processed(videoId), video, "video/mp4");
            store.upload(ObjectKeys.poster(videoId), poster, "image/jpeg");
            clock.lap("upload");
            if (!jobs.finish(videoId, taken.leaseId(), ObjectKeys.processed(videoId), ObjectKeys.poster(videoId))) {
                discardOutputsIfVideoIsGone(videoId);
                log(videoId, attempt, "skipped", clock, "");
                return JobOutcome.SKIPPED;
            }
            clock.lap("db");
            log(videoId, attempt, "processed", clock, "");
            return JobOutcome.PROCESSED;
        } finally {
            deleteRecursively(work);
        }
    }

    private void renew(UUID videoId, UUID leaseId) {
        try {
            if (!jobs.renew(videoId, leaseId, lease)) {
                LOG.log(System.Logger.Level.WARNING, "job video=" + videoId + " lost its lease (deleted, or taken "
                        + "over after this worker stalled); its result will not be recorded");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job video=" + videoId + " could not renew its lease: " + e);
        }
    }

    private void releaseQuietly(UUID videoId, UUID leaseId) {
        try {
            jobs.release(videoId, leaseId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job video=" + videoId + " could not give its lease back; it "
                    + "expires by itself: " + e);
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    /** The owner deleted the video while it was being processed: do not leave its outputs behind. */
    private void discardOutputsIfVideoIsGone(UUID videoId) {
        if (!jobs.exists(videoId)) {
            store.delete(ObjectKeys.processed(videoId));
            store.delete(ObjectKeys.poster(videoId));
        }
    }

    private static void log(UUID videoId, int attempt, String outcome, Stopwatch clock, String extra) {
        LOG.log(System.Logger.Level.INFO, "job video=" + videoId + " attempt=" + attempt + " outcome=" + outcome
                + clock.laps() + " total_ms=" + clock.totalMillis() + extra);
    }

    private Path createWorkDir(UUID videoId) {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, videoId + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties the jobs directory at start: what a killed worker left there (originals, half-written encodes) is
     * never resumed, since a job always starts from the original in S3. The directory belongs to one worker.
     */
    public static void removeLeftovers(Path jobsDir) {
        if (!Files.isDirectory(jobsDir)) {
            return;
        }
        try (Stream<Path> leftovers = Files.list(jobsDir)) {
            leftovers.forEach(JobProcessor::deleteRecursively);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not clean " + jobsDir + ": " + e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + dir + ": " + e);
        }
    }

    /** Durations of the stages of one job, for its log line and the metrics. */
    static final class Stopwatch {
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder laps = new StringBuilder();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.append(' ').append(stage).append("_ms=").append((now - last) / 1_000_000);
            last = now;
        }

        String laps() {
            return laps.toString();
        }

        long totalMillis() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
