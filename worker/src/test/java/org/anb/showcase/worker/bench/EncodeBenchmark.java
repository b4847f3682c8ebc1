package org.anb.showcase.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.anb.showcase.worker.brand.AnbBrand;
import org.anb.showcase.worker.media.BroadcastEncoder;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.SyntheticClip;

/**
 * Wall and CPU time of the worker's one ffmpeg run on a 40 s 1080p clip with audio (the pipeline test's input),
 * timed by bash's {@code time} so the CPU of the ffmpeg process itself is counted.
 *
 * <p>Run: {@code ./mvnw -pl worker -am -Pbench-encode verify -DskipTests}
 */
public final class EncodeBenchmark {
    private static final int RUNS = 3;

    private EncodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anb-bench-encode");
        FfmpegTools tools = FfmpegTools.bundled();
        Path input = SyntheticClip.make(tools, dir, 1920, 1080, 40, true);
        BroadcastEncoder encoder = new BroadcastEncoder(tools, AnbBrand.writeTo(dir), "veryfast", Duration.ofMinutes(10));
        System.out.printf("Input: %s (%.1f MB), %d cores%n", input.getFileName(), Files.size(input) / 1e6,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| run | wall s | user+sys CPU s |");
        System.out.println("|---|---:|---:|");
        for (int run = 1; run <= RUNS; run++) {
            List<String> command = new ArrayList<>(List.of("bash", "-c",
                    "TIMEFORMAT='%R %U %S'; time \"$@\" >/dev/null 2>&1", "timed"));
            command.addAll(encoder.command(input, dir.resolve("out.mp4"), dir.resolve("poster.jpg")));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(tools.environment());
            Process process = builder.start();
            String[] times = new String(process.getInputStream().readAllBytes()).strip().split("\\s+");
            if (process.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed");
            }
            double wall = Double.parseDouble(times[0]);
            double cpu = Double.parseDouble(times[1]) + Double.parseDouble(times[2]);
            System.out.printf("| %d | %.1f | %.1f |%n", run, wall, cpu);
        }
    }
}
