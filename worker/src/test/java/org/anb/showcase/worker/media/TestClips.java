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
        return frame(tools, video, second, extraFilter, "rgb24");
    }

    /**
     * One frame's luma plane as coded (one byte a pixel): where two pictures differ in brightness but both clip to the
     * same saturated RGB (a red tone-mapped or not), luma still tells them apart. Read from the frame in yuv420p, whose
     * first width × height bytes are Y ({@code gray} would go through RGB and clip).
     */
    public static byte[] frameLuma(FfmpegTools tools, Path video, double second, int width, int height)
            throws InterruptedException, java.io.IOException {
        return java.util.Arrays.copyOf(frame(tools, video, second, null, "yuv420p"), width * height);
    }

    private static byte[] frame(FfmpegTools tools, Path video, double second, String extraFilter, String pixelFormat)
            throws InterruptedException, java.io.IOException {
        Path raw = video.resolveSibling("frame-" + System.nanoTime() + ".raw");
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-ss", String.valueOf(second), "-i", video.toString()));
        if (extraFilter != null) {
            command.addAll(List.of("-vf", extraFilter));
        }
        command.addAll(List.of("-frames:v", "1", "-f", "rawvideo", "-pix_fmt", pixelFormat, raw.toString()));
        ProcessRunner.run(command, tools.environment(), video.getParent(), Duration.ofMinutes(1));
        return java.nio.file.Files.readAllBytes(raw);
    }
}
