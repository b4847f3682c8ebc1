package org.anb.showcase.worker.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import org.anb.showcase.worker.media.ffmpeg.BundledFfmpeg;

/**
 * Where the ffmpeg and ffprobe binaries are, and the environment they need. Configured paths win
 * ({@code worker.ffmpeg-path}/{@code ffprobe-path}); otherwise the binaries bundled in org.bytedeco's GPL jar (with
 * libx264) are unpacked once under {@code worker.ffmpeg-cache-dir}, so a machine with only a JDK can process video
 * — the tests, the local mode and the worker image all run that same build. The bundled binaries find their
 * libraries beside them through {@code LD_LIBRARY_PATH} (their RUNPATH does not reach the libraries' own
 * dependencies).
 */
public record FfmpegTools(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    public static FfmpegTools from(Config worker) {
        var ffmpeg = worker.get("ffmpeg-path").asString().asOptional();
        var ffprobe = worker.get("ffprobe-path").asString().asOptional();
        if (ffmpeg.isPresent() && ffprobe.isPresent()) {
            return new FfmpegTools(Path.of(ffmpeg.get()), Path.of(ffprobe.get()), Map.of());
        }
        return bundled(worker.get("ffmpeg-cache-dir").asString().map(Path::of).orElse(defaultCacheRoot()));
    }

    public static FfmpegTools bundled() {
        return bundled(defaultCacheRoot());
    }

    private static FfmpegTools bundled(Path cacheRoot) {
        Path dir = BundledFfmpeg.unpack(cacheRoot);
        return new FfmpegTools(dir.resolve("ffmpeg"), dir.resolve("ffprobe"), Map.of("LD_LIBRARY_PATH", dir.toString()));
    }

    /** {@code ~/.cache/anb-showcase}, where JavaCPP and most tools keep what they unpack. */
    private static Path defaultCacheRoot() {
        return Path.of(System.getProperty("user.home"), ".cache", "anb-showcase");
    }

    /**
     * Runs both programs once and checks that ffmpeg can encode H.264 with libx264; a worker that cannot encode
     * must not start. The message says what is wrong and how to fix it.
     */
    public FfmpegTools verify() {
        Path dir;
        try {
            dir = Files.createTempDirectory("anb-ffmpeg-check");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run(List.of(ffprobe.toString(), "-hide_banner", "-version"), dir);
            String encoders = run(List.of(ffmpeg.toString(), "-hide_banner", "-encoders"), dir);
            if (!encoders.contains("libx264")) {
                throw new IllegalStateException(ffmpeg + " has no libx264 encoder: set worker.ffmpeg-path to an "
                        + "ffmpeg built with --enable-libx264, or unset it to use the bundled one");
            }
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking ffmpeg", e);
        } finally {
            dir.toFile().delete();
        }
    }

    private String run(List<String> command, Path dir) throws InterruptedException {
        try {
            return ProcessRunner.run(command, environment, dir, CHECK_TIMEOUT);
        } catch (ProcessRunner.ToolFailedException e) {
            String said = e.stderrTail().strip();
            throw new IllegalStateException(command.getFirst() + " cannot run on this machine ("
                    + (said.isEmpty() ? e.getMessage() : said.lines().findFirst().orElse(""))
                    + "): point worker.ffmpeg-cache-dir at a directory where programs may run (not a noexec mount), "
                    + "or set worker.ffmpeg-path and worker.ffprobe-path to a working ffmpeg 8 with libx264");
        }
    }
}
