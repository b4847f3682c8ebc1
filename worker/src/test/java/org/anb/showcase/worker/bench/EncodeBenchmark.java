package org.anb.showcase.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anb.showcase.worker.brand.AnbBrand;
import org.anb.showcase.worker.media.BroadcastEncoder;
import org.anb.showcase.worker.media.EncodeLimits;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.MediaProbe;
import org.anb.showcase.worker.media.MediaRules;
import org.anb.showcase.worker.media.ProbedVideo;
import org.anb.showcase.worker.media.SyntheticClip;

/**
 * Wall and CPU time of the worker's one ffmpeg run on a 40 s 1080p clip with audio (the pipeline test's input),
 * timed by bash's {@code time} so the CPU of the ffmpeg process itself is counted.
 *
 * <p>Run: {@code ./mvnw -pl worker -am -Pbench-encode verify -DskipTests}. With
 * {@code -Dbench.baseline=<dir with ffmpeg and its libraries>}, the same command also runs with that ffmpeg,
 * alternating run by run, so the two builds are compared side by side on one busy machine.
 */
public final class EncodeBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private EncodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anb-bench-encode");
        Map<String, FfmpegTools> builds = new LinkedHashMap<>();
        builds.put("bundled", FfmpegTools.bundled());
        String baseline = System.getProperty("bench.baseline", "");
        if (!baseline.isBlank()) {
            Path bin = Path.of(baseline);
            builds.put("baseline", new FfmpegTools(bin.resolve("ffmpeg"), bin.resolve("ffprobe"),
                    Map.of("LD_LIBRARY_PATH", bin.toString())));
        }
        FfmpegTools tools = builds.get("bundled");
        // -Dbench.size=1080x1920: a phone held upright (issue 25's blurred sides), else 16:9 1080p.
        String[] size = System.getProperty("bench.size", "1920x1080").split("x");
        Path input = SyntheticClip.make(tools, dir, Integer.parseInt(size[0]), Integer.parseInt(size[1]), 40, true);
        System.out.printf("Input: %s (%.1f MB), %d cores%n", input.getFileName(), Files.size(input) / 1e6,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| run | ffmpeg | wall s | user+sys CPU s |");
        System.out.println("|---|---|---:|---:|");
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (int run = 1; run <= RUNS; run++) {
            for (var build : builds.entrySet()) {
                double[] times = time(build.getValue(), input, dir);
                System.out.printf("| %d | %s | %.1f | %.1f |%n", run, build.getKey(), times[0], times[1]);
                double[] sum = totals.computeIfAbsent(build.getKey(), k -> new double[2]);
                sum[0] += times[0];
                sum[1] += times[1];
            }
        }
        totals.forEach((name, sum) -> System.out.printf("| mean | %s | %.1f | %.1f |%n", name, sum[0] / RUNS,
                sum[1] / RUNS));
    }

    private static double[] time(FfmpegTools tools, Path input, Path dir) throws Exception {
        BroadcastEncoder encoder = new BroadcastEncoder(tools, AnbBrand.writeTo(dir), "veryfast", EncodeLimits.defaults());
        ProbedVideo video = new MediaProbe(tools, MediaRules.defaults()).probe(input);
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "TIMEFORMAT='%R %U %S'; time \"$@\" >/dev/null 2>&1", "timed"));
        command.addAll(encoder.command(input, video, dir.resolve("out.mp4"), dir.resolve("poster.jpg")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(tools.environment());
        Process process = builder.start();
        String[] times = new String(process.getInputStream().readAllBytes()).strip().split("\\s+");
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + String.join(" ", times));
        }
        return new double[] {Double.parseDouble(times[0]), Double.parseDouble(times[1]) + Double.parseDouble(times[2])};
    }
}
