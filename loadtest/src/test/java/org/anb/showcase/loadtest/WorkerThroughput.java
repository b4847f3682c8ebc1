package org.anb.showcase.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.ProcessingJob;
import org.anb.showcase.core.queue.QueueSettings;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;
import org.anb.showcase.worker.WorkerService;
import org.anb.showcase.worker.brand.AnbBrand;
import org.anb.showcase.worker.media.BroadcastEncoder;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.EncodeLimits;
import org.anb.showcase.worker.media.MediaProbe;
import org.anb.showcase.worker.media.MediaRules;
import org.anb.showcase.worker.media.ProcessRunner;

/**
 * The assignment's "Plan B": jobs injected straight into the queue for 50 MB and 100 MB 1080p inputs, the real worker
 * at concurrency 1 and 2 against the real local servers; in the same run, on the same inputs, the two baselines:
 * (a) the worker's one ffmpeg command alone (no queue, S3 or DB) and (b) the multi-pass pipeline earlier teams used.
 *
 * <p>Run: {@code ./mvnw -pl loadtest -am -Pbench-worker verify -DskipTests}. Prints Markdown; writes
 * {@code docs/img/worker-throughput.png}.
 */
public final class WorkerThroughput {
    private static final int VIDEOS_PER_RUN = Integer.getInteger("bench.videos", 4);
    private static final int BASELINE_RUNS = 2;
    private static final int[] CONCURRENCY = {1, 2};
    private static final Pattern STAGE = Pattern.compile("(download|probe|encode|upload|db)_ms=(\\d+)");

    private WorkerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anb-bench-worker");
        FfmpegTools tools = FfmpegTools.bundled();
        AnbBrand.Assets brand = AnbBrand.writeTo(dir);
        BroadcastEncoder encoder = new BroadcastEncoder(tools, brand, "veryfast", EncodeLimits.defaults());
        MediaProbe probe = new MediaProbe(tools, MediaRules.defaults());
        Map<String, Path> inputs = Map.of("50 MB", input(tools, dir, 10), "100 MB", input(tools, dir, 20));
        StageLog stages = StageLog.install();

        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir.resolve("data")),
                Map.of("worker.enabled", "false", "auth.bcrypt-cost", "4"));
             ObjectStore store = new ObjectStore(StorageSettings.from(platform.config().get("storage")));
             JobQueue queue = new JobQueue(QueueSettings.from(platform.config().get("queue")))) {
            Database db = new Database(platform);
            UUID owner = db.newOwner();
            System.out.printf("%n%d cores; %d videos per run; inputs 40 s 1920x1080 30 fps with audio%n",
                    Runtime.getRuntime().availableProcessors(), VIDEOS_PER_RUN);
            System.out.println("\n| input | setup | videos/min | mean service s | download | probe | encode | upload | db |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            Map<String, Double> serviceAtOne = new HashMap<>();
            List<BarChart.Bar> bars = new ArrayList<>();
            int colour = 0;
            for (String size : List.of("50 MB", "100 MB")) {
                for (int concurrency : CONCURRENCY) {
                    stages.clear();
                    Run run = workerRun(platform, db, store, queue, owner, inputs.get(size), concurrency,
                            dir.resolve("work-" + size.replace(" ", "") + "-" + concurrency));
                    if (concurrency == 1) {
                        serviceAtOne.put(size, run.meanServiceSeconds());
                    }
                    bars.add(new BarChart.Bar("worker c=" + concurrency + "\n" + size, run.videosPerMinute(), colour));
                    System.out.printf("| %s | worker, concurrency %d | %.1f | %.1f | %s |%n", size, concurrency,
                            run.videosPerMinute(), run.meanServiceSeconds(), stages.meansMillis());
                }
                colour++;
            }

            System.out.println("\n| input | (a) one ffmpeg command, s | worker at concurrency 1, s | overhead | (b) multi-pass, s | (b) / worker |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            Path script = Path.of(WorkerThroughput.class.getResource("/multipass.sh").toURI());
            for (String size : List.of("50 MB", "100 MB")) {
                double bare = 0;
                double multi = 0;
                var probed = probe.probe(inputs.get(size));
                for (int i = 0; i < BASELINE_RUNS; i++) {
                    bare += time(() -> ProcessRunner.run(encoder.command(inputs.get(size), probed, dir.resolve("a.mp4"),
                            dir.resolve("a.jpg")), tools.environment(), dir, Duration.ofMinutes(10)));
                    Path work = Files.createTempDirectory(dir, "multipass");
                    multi += time(() -> ProcessRunner.run(List.of("bash", script.toString(), tools.ffmpeg().toString(),
                            inputs.get(size).toString(), brand.card().toString(), brand.watermark().toString(),
                            work.resolve("out.mp4").toString(), work.toString()), tools.environment(), dir,
                            Duration.ofMinutes(20)));
                }
                bare /= BASELINE_RUNS;
                multi /= BASELINE_RUNS;
                double worker = serviceAtOne.get(size);
                bars.add(new BarChart.Bar("(a) bare\n" + size, 60 / bare, 2));
                bars.add(new BarChart.Bar("(b) multi\n" + size, 60 / multi, 3));
                System.out.printf("| %s | %.1f | %.1f | %+.0f %% | %.1f | %.2fx |%n", size, bare, worker,
                        100 * (worker / bare - 1), multi, multi / worker);
            }
            Path chart = Path.of(System.getProperty("bench.chart", "docs/img/worker-throughput.png"));
            Files.createDirectories(chart.getParent());
            BarChart.write(chart, "Videos per minute on " + Runtime.getRuntime().availableProcessors() + " vCPU",
                    "40 s 1080p inputs", bars, 1);
            System.out.println("\nChart: " + chart.toAbsolutePath().normalize());
        }
    }

    private static Run workerRun(LocalPlatform platform, Database db, ObjectStore store, JobQueue queue, UUID owner,
                                 Path input, int concurrency, Path workDir) throws Exception {
        List<UUID> videos = new ArrayList<>();
        for (int i = 0; i < VIDEOS_PER_RUN; i++) {
            UUID videoId = UUID.randomUUID();
            String key = ObjectKeys.original(owner, videoId);
            store.upload(key, input, "video/mp4");
            db.insertVideo(videoId, owner, key, Files.size(input));
            queue.send(new ProcessingJob(videoId));
            videos.add(videoId);
        }
        long start = System.nanoTime();
        try (WorkerService worker = WorkerService.start(platform.configWith(Map.of(
                "worker.concurrency", String.valueOf(concurrency), "worker.receive-wait-seconds", "1",
                "worker.server.port", "0", "worker.work-dir", workDir.toString())))) {
            while (db.processed(videos) < videos.size()) {
                if (db.failed(videos) > 0) {
                    throw new IllegalStateException("a benchmark video failed");
                }
                Thread.sleep(200);
            }
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        return new Run(videos.size() / minutes, db.meanServiceSeconds(videos));
    }

    record Run(double videosPerMinute, double meanServiceSeconds) {
    }

    /** A 40 s 1080p clip with audio whose bitrate makes it about {@code mbps} × 5 MB. Noise keeps it realistic. */
    private static Path input(FfmpegTools tools, Path dir, int mbps) throws InterruptedException, IOException {
        Path clip = dir.resolve("input-" + mbps + "mbps.mp4");
        ProcessRunner.run(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=40",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=40",
                "-vf", "noise=alls=16:allf=t", "-c:v", "libx264", "-preset", "ultrafast",
                "-b:v", mbps + "M", "-minrate", mbps + "M", "-maxrate", mbps + "M", "-bufsize", (2 * mbps) + "M",
                "-x264-params", "nal-hrd=cbr", "-c:a", "aac", "-b:a", "128k", clip.toString()),
                tools.environment(), dir, Duration.ofMinutes(10));
        System.out.printf("input %s: %.1f MB%n", clip.getFileName(), Files.size(clip) / 1e6);
        return clip;
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Collects the per-stage durations from the worker's job log lines. */
    private static final class StageLog extends Handler {
        /** Held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its handler. */
        private static final Logger JOB_LOG = Logger.getLogger("org.anb.showcase.worker.jobs.JobProcessor");
        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        static StageLog install() {
            StageLog log = new StageLog();
            JOB_LOG.addHandler(log);
            return log;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("outcome=processed")) {
                lines.add(record.getMessage());
            }
        }

        void clear() {
            lines.clear();
        }

        String meansMillis() {
            Map<String, Double> sums = new java.util.LinkedHashMap<>();
            for (String stage : List.of("download", "probe", "encode", "upload", "db")) {
                sums.put(stage, 0.0);
            }
            for (String line : lines) {
                Matcher m = STAGE.matcher(line);
                while (m.find()) {
                    sums.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
                }
            }
            int n = Math.max(1, lines.size());
            return String.join(" | ", sums.values().stream().map(v -> String.format("%.2f s", v / n / 1000)).toList());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** The rows the harness seeds and watches. */
    private static final class Database {
        private final DataSource connections;

        Database(LocalPlatform platform) {
            this.connections = DatabasePool.unpooled(platform.config().get("db"));
        }

        UUID newOwner() throws SQLException {
            UUID id = UUID.randomUUID();
            update("INSERT INTO users (id, first_name, last_name, email, password_hash, city, country) "
                    + "VALUES (?, 'Bench', 'Mark', ?, 'x', 'Bogotá', 'Colombia')", id, "bench-" + id + "@example.com");
            return id;
        }

        void insertVideo(UUID id, UUID owner, String key, long bytes) throws SQLException {
            update("INSERT INTO videos (id, owner_id, title, original_key, original_bytes) VALUES (?, ?, 'bench', ?, ?)",
                    id, owner, key, bytes);
        }

        long processed(List<UUID> videos) throws SQLException {
            return count("status = 'processed'", videos);
        }

        long failed(List<UUID> videos) throws SQLException {
            return count("status = 'failed'", videos);
        }

        double meanServiceSeconds(List<UUID> videos) throws SQLException {
            try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT avg(extract(epoch FROM processed_at - processing_started_at)) FROM videos WHERE id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", videos.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        }

        private long count(String condition, List<UUID> videos) throws SQLException {
            try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM videos WHERE " + condition + " AND id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", videos.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void update(String sql, Object... params) throws SQLException {
            try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            }
        }

        private Connection connect() throws SQLException {
            return connections.getConnection();
        }
    }
}
