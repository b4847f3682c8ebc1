package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.helidon.config.Config;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.TestWorkers;
import org.anb.showcase.worker.WorkerService;
import org.anb.showcase.worker.observe.WorkerMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store goes away mid-job; a worker process is SIGKILLed mid-encode. Each job still completes once. */
class WorkerFaultsTest {
    private static final Map<String, String> FAST_WORKER = Map.of("worker.receive-wait-seconds", "1",
            "worker.retry-delay-seconds", "1", "worker.visibility-timeout-seconds", "6",
            "worker.shutdown-grace-seconds", "0");

    @Test
    void anS3OutageDuringProcessingIsRetriedAndNothingHalfWrittenIsShown(@TempDir Path dir) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(FAST_WORKER);
        config.put("auth.bcrypt-cost", "4");
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), config);
             ObjectStore store = new ObjectStore(StorageSettings.from(platform.config().get("storage")))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            Player player = api.newPlayer("Cali");
            UUID videoId = TestWorkers.uploadClip(api, player);
            // Storage goes away while the worker encodes: the download is done, storing the output will fail.
            Path jobs = platform.settings().dataDir().resolve("worker").resolve("jobs");
            TestWorkers.await(Duration.ofSeconds(90), "the worker to be encoding", () -> hasFile(jobs, "broadcast.mp4"));
            WorkerMetrics outcomes = new WorkerMetrics(); // the JVM's meters: the in-process worker's counts
            long retriedBefore = outcomes.count("retried");
            platform.stopObjectStore();
            TestWorkers.await(Duration.ofSeconds(90), "storing the output to fail and the job to be put back",
                    () -> outcomes.count("retried") > retriedBefore);
            assertThat(status(api, player, videoId)).as("not processed while its output cannot be stored")
                    .isIn("processing", "uploaded");
            platform.startObjectStore();

            TestWorkers.await(Duration.ofMinutes(3), "the job to complete after recovery",
                    () -> status(api, player, videoId).equals("processed"));
            assertThat(new String(store.readPrefix(ObjectKeys.processed(videoId), 8), 4, 4)).isEqualTo("ftyp");
        }
    }

    @Test
    void aWorkerKilledMidJobIsReplacedAndTheJobCompletesExactlyOnce(@TempDir Path dir) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir.resolve("platform")),
                Map.of("auth.bcrypt-cost", "4", "worker.enabled", "false"));
             ObjectStore store = new ObjectStore(StorageSettings.from(platform.config().get("storage")))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            Player player = api.newPlayer("Cali");
            UUID videoId = TestWorkers.uploadClip(api, player);

            Path killedDir = dir.resolve("killed");
            Process killed = startWorkerProcess(platform.config(), killedDir, dir.resolve("killed.log"));
            try {
                TestWorkers.await(Duration.ofSeconds(90), "the separate worker to be encoding",
                        () -> hasFile(killedDir, "broadcast.mp4"));
            } finally {
                killed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no release, no cleanup
            }
            assertThat(status(api, player, videoId)).isEqualTo("processing");

            Map<String, String> replacement = new java.util.HashMap<>(FAST_WORKER);
            replacement.put("worker.server.port", "0");
            replacement.put("worker.work-dir", dir.resolve("replacement").toString());
            try (WorkerService worker = WorkerService.start(platform.configWith(replacement))) {
                TestWorkers.await(Duration.ofMinutes(3), "the replacement to finish the job",
                        () -> status(api, player, videoId).equals("processed"));
            }
            assertThat(store.size(ObjectKeys.processed(videoId))).isPresent();
        }
    }

    /** The production entry point in its own JVM, pointed at the platform's servers by system properties. */
    private static Process startWorkerProcess(Config config, Path workDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String key : List.of("db.connection.url", "db.credentials.file", "storage.endpoint",
                "storage.path-style", "storage.bucket", "storage.access-key-id", "storage.secret-access-key",
                "queue.endpoint", "queue.access-key-id", "queue.secret-access-key", "queue.jobs-queue",
                "queue.dead-letter-queue")) {
            command.add("-D" + key + "=" + config.get(key).asString().get());
        }
        command.addAll(List.of("-Dworker.server.port=0", "-Dworker.work-dir=" + workDir,
                "-Dworker.visibility-timeout-seconds=6", "-Dworker.receive-wait-seconds=1",
                "org.anb.showcase.worker.WorkerMain"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean hasFile(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().equals(name));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static String status(ApiClient api, Player player, UUID videoId) {
        return api.get("/api/videos/" + videoId, player.token()).body().path("status").asText();
    }
}
