package org.anb.showcase.worker.media;

import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
import org.bytedeco.javacpp.Loader;

/**
 * Where the ffmpeg and ffprobe binaries are, and the environment they need. Configured paths win
 * ({@code worker.ffmpeg-path}/{@code ffprobe-path}, e.g. Debian's /usr/bin/ffmpeg in the Docker image); otherwise the
 * binaries bundled in org.bytedeco's GPL jar (with libx264) are extracted once, so a machine with only a JDK can
 * process video. The bundled binaries find their libraries beside them through {@code LD_LIBRARY_PATH} (their
 * RUNPATH does not reach the libraries' own dependencies). They also need the system's libpulse0.
 */
public record FfmpegTools(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    public static FfmpegTools from(Config worker) {
        var ffmpeg = worker.get("ffmpeg-path").asString().asOptional();
        var ffprobe = worker.get("ffprobe-path").asString().asOptional();
        if (ffmpeg.isPresent() && ffprobe.isPresent()) {
            return new FfmpegTools(Path.of(ffmpeg.get()), Path.of(ffprobe.get()), Map.of());
        }
        return bundled();
    }

    public static FfmpegTools bundled() {
        Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        Path ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        return new FfmpegTools(ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", ffmpeg.getParent().toString()));
    }
}
