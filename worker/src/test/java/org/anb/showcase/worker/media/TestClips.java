package org.anb.showcase.worker.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Synthetic inputs made with ffmpeg's own test sources: a moving pattern, optionally with a tone. */
public final class TestClips {
    private TestClips() {
    }

    public static Path make(FfmpegTools tools, Path dir, int width, int height, int seconds, boolean audio)
            throws InterruptedException {
        Path clip = dir.resolve("clip-" + width + "x" + height + "-" + seconds + "s.mp4");
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30:duration=" + seconds));
        if (audio) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-c:a", "aac"));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.toString()));
        ProcessRunner.run(command, tools.environment(), dir, Duration.ofMinutes(2));
        return clip;
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
