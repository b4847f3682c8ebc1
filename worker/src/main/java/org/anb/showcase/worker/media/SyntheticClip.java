package org.anb.showcase.worker.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes an H.264 MP4 from ffmpeg's own test sources (a moving pattern, optionally with a tone): the inputs of the
 * pipeline tests, the end-to-end tests and the throughput benchmark, so none of them needs a video file in the repo.
 */
public final class SyntheticClip {
    private SyntheticClip() {
    }

    public static Path make(FfmpegTools tools, Path dir, int width, int height, int seconds, boolean audio)
            throws InterruptedException {
        Path clip = dir.resolve("clip-" + width + "x" + height + "-" + seconds + "s" + (audio ? "-audio" : "") + ".mp4");
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30:duration=" + seconds));
        if (audio) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-c:a", "aac"));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.toString()));
        ProcessRunner.run(command, tools.environment(), dir, Duration.ofMinutes(5));
        return clip;
    }
}
