package org.anb.showcase.worker.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
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
public final class JobProcessor {
    private static final System.Logger LOG = System.getLogger(JobProcessor.class.getName());

    private final JobRepository jobs;
    private final ObjectStore store;
    private final MediaProbe probe;
    private final BroadcastEncoder encoder;
    private final Path workRoot;

    public JobProcessor(JobRepository jobs, ObjectStore store, MediaProbe probe, BroadcastEncoder encoder, Path workRoot) {
        this.jobs = jobs;
        this.store = store;
        this.probe = probe;
        this.encoder = encoder;
        this.workRoot = workRoot;
    }

    public JobOutcome process(UUID videoId, int attempt) throws InterruptedException {
        Optional<String> originalKey = jobs.claim(videoId);
        if (originalKey.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "job video=" + videoId + " attempt=" + attempt + " outcome=skipped");
            return JobOutcome.SKIPPED;
        }
        Stopwatch clock = new Stopwatch();
        Path work = createWorkDir(videoId);
        try {
            Path input = work.resolve("original.mp4");
            store.download(originalKey.get(), input);
            clock.lap("download");
            Path video = work.resolve("broadcast.mp4");
            Path poster = work.resolve("poster.jpg");
            try {
                ProbedVideo probed = probe.probe(input);
                clock.lap("probe");
                encoder.encode(input, probed, video, poster);
                clock.lap("encode");
            } catch (InvalidMediaException e) {
                jobs.fail(videoId, e.getMessage());
                log(videoId, attempt, "rejected", clock, " reason=\"" + e.getMessage() + "\"");
                return JobOutcome.REJECTED;
            }
            store.upload(ObjectKeys.processed(videoId), video, "video/mp4");
            store.upload(ObjectKeys.poster(videoId), poster, "image/jpeg");
            clock.lap("upload");
            if (!jobs.finish(videoId, ObjectKeys.processed(videoId), ObjectKeys.poster(videoId))) {
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
