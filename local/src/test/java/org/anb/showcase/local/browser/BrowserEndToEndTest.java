package org.anb.showcase.local.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.ProcessRunner;
import org.anb.showcase.worker.media.SyntheticClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the browser tests ({@code web/e2e/showcase.test.mjs}, Playwright driving Debian's Chromium) against a whole
 * local platform — API, site, worker, PostgreSQL, SQS and S3 servers — started here exactly as {@code LocalMain}
 * starts it. Needs Node.js, {@code npm ci} in web/e2e and /usr/bin/chromium ({@code .ci/run} installs them), so it
 * runs in its own step: {@code ./mvnw -pl local -am -Pbrowser verify}.
 */
@Tag("browser")
class BrowserEndToEndTest {
    private static final Path E2E = Path.of("..", "web", "e2e").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path LOG = Path.of("target", "browser-tests.log").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 10;
    private static final String ORGANIZER_EMAIL = "organizacion@anb.example";
    private static final String ORGANIZER_PASSWORD = "organiza-2026";

    private static Path dataDir;
    private static LocalPlatform platform;
    private static Path clip;
    /** 5 s (refused by the page before it sends a byte) and 50 s (a start is chosen in it), small and silent. */
    private static Path shortClip;
    private static Path longClip;

    @BeforeAll
    static void startThePlatform() throws Exception {
        assertThat(E2E.resolve("node_modules/playwright-core")).as("run `npm ci --prefix web/e2e` first").exists();
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                .as("install Debian's chromium (apt-get install chromium) or set CHROMIUM").exists();
        dataDir = Files.createTempDirectory("anb-browser-");
        // As LocalMain with the first organizer's variables set: the staff story logs in with them.
        platform = LocalPlatform.start(LocalSettings.ephemeral(dataDir), Map.of(),
                Map.of("ANB_ORGANIZER_EMAIL", ORGANIZER_EMAIL, "ANB_ORGANIZER_PASSWORD", ORGANIZER_PASSWORD));
        clip = SyntheticClip.make(FfmpegTools.bundled(), dataDir, 1280, 720, 21, true);
        shortClip = SyntheticClip.make(FfmpegTools.bundled(), dataDir, 320, 180, 5, false);
        longClip = SyntheticClip.make(FfmpegTools.bundled(), dataDir, 320, 180, 50, false);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopThePlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theShowcaseWorksInARealBrowser() throws IOException, InterruptedException {
        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec", "showcase.test.mjs"))
                .directory(E2E.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile()); // not inherited: surefire's fork talks to Maven over stdout
        node.environment().put("ANB_SITE_URL", platform.apiUrl());
        node.environment().put("ANB_CLIP", clip.toString());
        node.environment().put("ANB_SHORT_CLIP", shortClip.toString());
        node.environment().put("ANB_LONG_CLIP", longClip.toString());
        node.environment().put("ANB_SCREENSHOTS", SCREENSHOTS.toString());
        node.environment().put("ANB_IMAP_PORT", String.valueOf(platform.settings().imapPort()));
        node.environment().put("ANB_ORGANIZER_EMAIL", ORGANIZER_EMAIL);
        node.environment().put("ANB_ORGANIZER_PASSWORD", ORGANIZER_PASSWORD);
        Process process = node.start();
        String stopAfter = System.getProperty("browser.stop-after", "");
        if (!stopAfter.isEmpty()) {
            theStoryUpToOneStep(process, stopAfter);
            return;
        }
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(LOG);
        System.out.println(output);
        assertThat(finished).as("the browser tests finish within %d minutes:%n%s", TIMEOUT_MINUTES, output).isTrue();
        assertThat(process.exitValue()).as("browser tests (log in %s):%n%s", LOG, output).isZero();
        assertThat(SCREENSHOTS.resolve("galeria.png")).exists();
        assertThat(SCREENSHOTS.resolve("ranking.png")).exists();
        assertThat(SCREENSHOTS.resolve("mis-videos.png")).exists();
        theBroadcastOfTheChosenStartShowsTheSourceFromThere();
    }

    /**
     * For the mutation check (.ci/mutations/run.py): the story runs up to the step whose name starts with
     * {@code step}, then stops; that step's own verdict is the test's (the steps after it would only cascade).
     */
    private static void theStoryUpToOneStep(Process process, String step) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        String verdict = null;
        while (verdict == null && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            verdict = Files.readAllLines(LOG).stream().map(String::strip)
                    .filter(line -> line.startsWith("✔ " + step) || line.startsWith("✖ " + step))
                    .findFirst().orElse(null);
        }
        process.destroyForcibly().waitFor();
        String output = Files.readString(LOG);
        System.out.println(output);
        assertThat(verdict).as("the step '%s' ran:%n%s", step, output).isNotNull();
        assertThat(verdict).as("the step '%s':%n%s", step, output).startsWith("✔");
    }

    /**
     * The phone story uploaded the 50 s clip starting at second 18: one second into the broadcast's main part
     * (after the 2.5 s card) must look like the source at second 19, not like its second 1 (ffmpeg's moving test
     * pattern differs from second to second). Compared in 64×36 grey, away from the watermark's corner.
     */
    private static void theBroadcastOfTheChosenStartShowsTheSourceFromThere() throws IOException, InterruptedException {
        String id;
        try (Connection c = DatabasePool.unpooled(platform.config().get("db")).getConnection();
             ResultSet row = c.createStatement().executeQuery(
                     "SELECT id FROM videos WHERE title = 'Mi mejor jugada' AND status = 'processed'")) {
            assertThat(row.next()).as("the phone story's video was processed").isTrue();
            id = row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Path broadcast = dataDir.resolve("chosen-start.mp4");
        try (ObjectStore store = new ObjectStore(StorageSettings.from(platform.config().get("storage")))) {
            store.download(ObjectKeys.processed(UUID.fromString(id)), broadcast);
        }
        byte[] out = greyFrame(broadcast, 3.5);
        double fromSecond19 = difference(out, greyFrame(longClip, 19.0));
        double fromSecond1 = difference(out, greyFrame(longClip, 1.0));
        assertThat(fromSecond19).as("the broadcast matches the source at 19 s (vs 1 s: %.1f)", fromSecond1)
                .isLessThan(fromSecond1 / 2);
    }

    private static byte[] greyFrame(Path video, double at) throws IOException, InterruptedException {
        FfmpegTools tools = FfmpegTools.bundled();
        Path raw = dataDir.resolve(video.getFileName() + "-" + at + ".gray");
        ProcessRunner.run(List.of(tools.ffmpeg().toString(), "-v", "error", "-y", "-ss", String.valueOf(at),
                "-i", video.toString(), "-frames:v", "1", "-vf", "scale=64:36", "-f", "rawvideo", "-pix_fmt", "gray",
                raw.toString()), tools.environment(), dataDir, Duration.ofSeconds(30));
        return Files.readAllBytes(raw);
    }

    /** Mean absolute difference over the top half (the watermark sits bottom right). */
    private static double difference(byte[] a, byte[] b) {
        long sum = 0;
        int n = 64 * 18;
        for (int i = 0; i < n; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) n;
    }
}
