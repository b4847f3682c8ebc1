package org.anb.showcase.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anb.showcase.worker.brand.AnbBrand;
import org.anb.showcase.worker.media.BroadcastEncoder;
import org.anb.showcase.worker.media.EncodeLimits;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.MediaProbe;
import org.anb.showcase.worker.media.MediaRules;
import org.anb.showcase.worker.media.MediaSamples;
import org.anb.showcase.worker.media.ProbedVideo;

/**
 * What each class of input costs the worker: the wall time of its probe and its one ffmpeg run, and the peak
 * resident memory of that ffmpeg (VmHWM, read from /proc while it runs). Inputs are 20 s of a busy picture (moving
 * pattern with grain) at the size phones and cameras write, made by {@link MediaSamples}; each is encoded
 * {@code RUNS} times and the medians are reported.
 *
 * <p>Run: {@code ./mvnw -pl loadtest -am -Pbench-media verify -DskipTests} ({@code -Dbench.only=HDR} runs the
 * classes whose name contains that text).
 */
public final class MediaClassBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 2);
    private static final double SECONDS = 20;

    private MediaClassBenchmark() {
    }

    interface Input {
        Path make(MediaSamples samples, String name) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anb-bench-media");
        FfmpegTools tools = FfmpegTools.bundled();
        MediaSamples samples = new MediaSamples(tools, dir, true);
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("H.264 1080p 30 fps, brand isom", (s, n) -> s.h264(n, 1920, 1080, "30", SECONDS, ""));
        inputs.put("H.264 1080p, QuickTime brand (iPhone)", (s, n) -> s.h264(n, 1920, 1080, "30", SECONDS, "-f mov"));
        inputs.put("HEVC 10-bit 1080p", (s, n) -> s.hevc(n, 1920, 1080, "30", SECONDS, "yuv420p10le"));
        inputs.put("HEVC 10-bit 1080p HDR (HLG, tone-mapped)", (s, n) -> s.hlg(n, 1920, 1080, SECONDS));
        inputs.put("MPEG-4 Part 2 720p", (s, n) -> s.clip(n, 1280, 720, "30", SECONDS, "-c:v mpeg4 -q:v 4"));
        inputs.put("phone upright 1080×1920 (rotation)", (s, n) -> s.upright(n, 1080, 1920, SECONDS));
        inputs.put("1440×1080, 4:3 pixels", (s, n) -> s.h264(n, 1440, 1080, "30", SECONDS, "-vf setsar=4/3"));
        inputs.put("H.264 1080p 120 fps", (s, n) -> s.h264(n, 1920, 1080, "120", SECONDS, ""));
        inputs.put("H.264 4K 30 fps", (s, n) -> s.h264(n, 3840, 2160, "30", SECONDS, ""));
        inputs.put("HEVC 8K 5 fps", (s, n) -> s.hevc(n, 7680, 4320, "5", SECONDS, "yuv420p"));

        BroadcastEncoder encoder = new BroadcastEncoder(tools, AnbBrand.writeTo(dir), "veryfast", EncodeLimits.defaults());
        MediaProbe probe = new MediaProbe(tools, MediaRules.defaults());
        System.out.printf("%d cores, %d runs each, medians; inputs %.0f s long%n",
                Runtime.getRuntime().availableProcessors(), RUNS, SECONDS);
        System.out.println("| input | input MB | probe ms | encode wall s | ffmpeg peak RSS MB |");
        System.out.println("|---|---:|---:|---:|---:|");
        int n = 0;
        String only = System.getProperty("bench.only", "");
        for (var entry : inputs.entrySet()) {
            if (!entry.getKey().contains(only)) {
                continue;
            }
            Path input = entry.getValue().make(samples, "bench-" + (n++) + ".mp4");
            double[] probeMs = new double[RUNS];
            double[] wall = new double[RUNS];
            double[] rss = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                ProbedVideo video = probe.probe(input);
                probeMs[run] = (System.nanoTime() - start) / 1e6;
                double[] measured = measure(encoder.command(input, video, dir.resolve("out.mp4"),
                        dir.resolve("poster.jpg")), tools, dir);
                wall[run] = measured[0];
                rss[run] = measured[1];
            }
            System.out.printf("| %s | %.1f | %.0f | %.1f | %.0f |%n", entry.getKey(), Files.size(input) / 1e6,
                    median(probeMs), median(wall), median(rss));
        }
    }

    /** Wall seconds and peak RSS in MB of one run: VmHWM is a high-water mark, so polling it misses nothing but the last 20 ms. */
    private static double[] measure(List<String> command, FfmpegTools tools, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("ffmpeg.err").toFile());
        builder.environment().putAll(tools.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        long peakKb = 0;
        while (process.isAlive()) {
            peakKb = Math.max(peakKb, highWaterMarkKb(status));
            Thread.sleep(20);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + Files.readString(dir.resolve("ffmpeg.err")));
        }
        return new double[] {wall, peakKb / 1024.0};
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two reads.
        }
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
