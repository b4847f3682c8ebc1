package org.anb.showcase.worker.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Single frames of videos as RGB bytes, for the pipeline tests' pixel checks. */
public final class TestClips {
    private TestClips() {
    }

    /** One frame at {@code second} as packed RGB bytes, for pixel checks. */
    public static byte[] frameRgb(FfmpegTools tools, Path video, double second, String extraFilter)
            throws InterruptedException, java.io.IOException {
        Path raw = video.resolveSibling("frame-" + System.nanoTime() + ".rgb");
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-ss", String.valueOf(second), "-i", video.toString()));
        if (extraFilter != null) {
            command.addAll(List.of("-vf", extraFilter));
        }
        command.addAll(List.of("-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString()));
        ProcessRunner.run(command, tools.environment(), video.getParent(), Duration.ofMinutes(1));
        return java.nio.file.Files.readAllBytes(raw);
    }
}
