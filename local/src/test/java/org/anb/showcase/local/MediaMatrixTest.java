package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.TestWorkers;
import org.anb.showcase.worker.media.FfmpegTools;
import org.anb.showcase.worker.media.MediaSamples;
import org.anb.showcase.worker.media.ProcessRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of video a phone, a camera or an editor makes, through the real API and the real worker: each input is
 * uploaded as {@code .mp4}, then the output is checked with ffprobe (codec, size, pixel format, constant 30 fps,
 * length, no audio) and by its pixels (picture upright, scaled by its display aspect: filled or pillarboxed, the real
 * video and not a cover picture), and its poster must exist; or the video must fail at once with its reason. The inputs are 3 s long (the
 * minimum is lowered to 2 s for this platform), so each encode is short.
 */
class MediaMatrixTest {
    private static final double SECONDS = 3;
    private static final double CARDS = 5;
    private static final double FILL = 1.0;
    private static final double PORTRAIT_9_16 = (720 * 9 / 16.0) / 1280;
    private static final double FOUR_BY_THREE = 960 / 1280.0;

    @TempDir
    static Path dir;
    private static LocalPlatform platform;
    private static ApiClient api;
    private static ApiClient.Player player;
    private static ObjectStore store;
    private static FfmpegTools tools;
    private static final Map<String, UUID> uploaded = new LinkedHashMap<>();
    /** The player's chosen start (issue 25): 3 s of green, then the picture; started at 3 s, and at 5 s. */
    private static UUID startedAfterTheGreen;
    private static UUID startedTooLate;

    /** One input class: how to make it, and what must come of it. */
    record Case(String name, Maker maker, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Maker {
        Path make(MediaSamples samples, String fileName) throws Exception;
    }

    /**
     * Processed with this share of the width showing picture (the rest black, or the blurred picture when
     * {@code blurredSides}), or failed with a reason containing this text.
     */
    record Expect(double pictureWidth, boolean blurredSides, String failureReason) {
        static Expect processed(double pictureWidth) {
            return new Expect(pictureWidth, false, null);
        }

        static Expect blurredSides(double pictureWidth) {
            return new Expect(pictureWidth, true, null);
        }

        static Expect failed(String reason) {
            return new Expect(0, false, reason);
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("brand isom, H.264", (s, f) -> s.h264(f, 320, 180, "30", SECONDS, ""), Expect.processed(FILL)),
                new Case("brand mp42", (s, f) -> s.h264(f, 320, 180, "30", SECONDS, "-brand mp42"), Expect.processed(FILL)),
                new Case("brand qt (QuickTime, as iPhones write)", (s, f) -> s.h264(f, 320, 180, "30", SECONDS, "-f mov"),
                        Expect.processed(FILL)),
                new Case("brand M4V", (s, f) -> s.h264(f, 320, 180, "30", SECONDS, "-f ipod"), Expect.processed(FILL)),
                new Case("brand 3gp", (s, f) -> s.h264(f, 320, 180, "30", SECONDS, "-f 3gp"), Expect.processed(FILL)),
                new Case("HEVC 8-bit", (s, f) -> s.hevc(f, 320, 180, "30", SECONDS, "yuv420p"), Expect.processed(FILL)),
                new Case("HEVC 10-bit", (s, f) -> s.hevc(f, 320, 180, "30", SECONDS, "yuv420p10le"), Expect.processed(FILL)),
                new Case("HDR: HEVC 10-bit HLG (iPhone default)", (s, f) -> s.hlg(f, 320, 180, SECONDS),
                        Expect.processed(FILL)),
                new Case("HDR: HEVC 10-bit PQ (HDR10)", (s, f) -> s.pq(f, 320, 180, SECONDS), Expect.processed(FILL)),
                new Case("MPEG-4 Part 2", (s, f) -> s.clip(f, 320, 180, "30", SECONDS, "-c:v mpeg4 -q:v 5"),
                        Expect.processed(FILL)),
                new Case("phone held upright (rotation metadata)", (s, f) -> s.upright(f, 180, 320, SECONDS),
                        Expect.blurredSides(PORTRAIT_9_16)),
                new Case("4:3 with square pixels", (s, f) -> s.h264(f, 320, 240, "30", SECONDS, ""),
                        Expect.processed(FOUR_BY_THREE)),
                new Case("1440x1080-style 4:3 pixels, 16:9 on screen", (s, f) -> s.h264(f, 360, 270, "30", SECONDS,
                        "-vf setsar=4/3"), Expect.processed(FILL)),
                new Case("odd dimensions", (s, f) -> s.clip(f, 321, 181, "30", SECONDS,
                        "-c:v libx264 -preset ultrafast -pix_fmt yuv444p"), Expect.processed(FILL)),
                new Case("4K", (s, f) -> s.h264(f, 3840, 2160, "30", SECONDS, ""), Expect.processed(FILL)),
                new Case("8K HEVC", (s, f) -> s.hevc(f, 7680, 4320, "5", SECONDS, "yuv420p"), Expect.processed(FILL)),
                new Case("23.976 fps", (s, f) -> s.h264(f, 320, 180, "24000/1001", SECONDS, ""), Expect.processed(FILL)),
                new Case("25 fps", (s, f) -> s.h264(f, 320, 180, "25", SECONDS, ""), Expect.processed(FILL)),
                new Case("50 fps", (s, f) -> s.h264(f, 320, 180, "50", SECONDS, ""), Expect.processed(FILL)),
                new Case("60 fps", (s, f) -> s.h264(f, 320, 180, "60", SECONDS, ""), Expect.processed(FILL)),
                new Case("120 fps", (s, f) -> s.h264(f, 320, 180, "120", SECONDS, ""), Expect.processed(FILL)),
                new Case("variable frame rate", (s, f) -> s.h264(f, 320, 180, "60", SECONDS,
                        "-vf select=not(mod(n\\,3))+not(mod(n\\,7)) -fps_mode vfr"), Expect.processed(FILL)),
                new Case("with audio", (s, f) -> s.clip(f, 320, 180, "30", SECONDS,
                        "-f lavfi -i sine=duration=3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac"),
                        Expect.processed(FILL)),
                new Case("cover art attached", (s, f) -> s.withCoverArt(f, SECONDS), Expect.processed(FILL)),
                new Case("thumbnail track before the video", (s, f) -> s.withThumbnailTrackFirst(f, SECONDS),
                        Expect.processed(FILL)),
                new Case("audio only", (s, f) -> s.audioOnly(f, SECONDS), Expect.failed("no contiene una pista de video")),
                new Case("truncated upload", (s, f) -> s.truncated(f), Expect.failed("incompleto")),
                new Case("corrupt", (s, f) -> s.corrupt(f), Expect.failed("no es un video legible")),
                new Case("frames that cannot be decoded", (s, f) -> s.undecodable(f),
                        Expect.failed("No se pudo procesar el video")),
                new Case("too short", (s, f) -> s.h264(f, 320, 180, "30", 1, ""), Expect.failed("debe durar entre 2 y 60 s")),
                new Case("too long", (s, f) -> s.h264(f, 64, 36, "1", 61, ""), Expect.failed("debe durar entre 2 y 60 s")),
                new Case("frame too large", (s, f) -> s.h264(f, 7700, 64, "2", SECONDS, ""), Expect.failed("supera el máximo")),
                new Case("frame rate too high", (s, f) -> s.h264(f, 64, 36, "300", SECONDS, ""),
                        Expect.failed("cuadros por segundo")),
                new Case("too many tracks", (s, f) -> s.manyTracks(f, 17), Expect.failed("pistas")));
    }

    static Stream<Arguments> matrix() {
        return cases().stream().map(Arguments::of);
    }

    @BeforeAll
    static void uploadEveryCase() throws Exception {
        platform = LocalPlatform.start(LocalSettings.ephemeral(dir.resolve("platform")), Map.of(
                "auth.bcrypt-cost", "4",
                "worker.receive-wait-seconds", "1",
                "worker.media.min-duration-seconds", "2"));
        api = ApiClient.at(platform.apiUrl());
        player = api.newPlayer("Medellín");
        store = new ObjectStore(StorageSettings.from(platform.config().get("storage")));
        tools = FfmpegTools.bundled();
        MediaSamples samples = new MediaSamples(tools, Files.createDirectories(dir.resolve("inputs")));
        int n = 0;
        for (Case c : cases()) {
            Path input = c.maker().make(samples, "input-" + (n++) + ".mp4");
            ApiClient.Reply reply = api.upload(player.token(), ApiClient.Multipart.builder().file("video_file", input)
                    .field("title", c.name()));
            assertThat(reply.status()).as(c.name() + ": " + reply.raw()).isEqualTo(201);
            uploaded.put(c.name(), UUID.fromString(reply.body().path("video_id").asText()));
        }
        Path greenFirst = samples.greenThenPicture("green-first.mp4", 320, 180, 3, SECONDS);
        startedAfterTheGreen = uploadFrom(greenFirst, "3");
        startedTooLate = uploadFrom(greenFirst, "4,5");
    }

    private static UUID uploadFrom(Path input, String startSeconds) {
        ApiClient.Reply reply = api.upload(player.token(), ApiClient.Multipart.builder().file("video_file", input)
                .field("title", "desde " + startSeconds).field("start_seconds", startSeconds));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return UUID.fromString(reply.body().path("video_id").asText());
    }

    @org.junit.jupiter.api.Test
    void theBroadcastStartsWhereThePlayerChose() throws Exception {
        JsonNode video = awaitFinished(startedAfterTheGreen);
        assertThat(video.path("status").asText()).as(video.toString()).isEqualTo("processed");
        assertThat(video.path("start_seconds").decimalValue()).isEqualByComparingTo("3");
        Path output = dir.resolve(startedAfterTheGreen + ".mp4");
        store.download(ObjectKeys.processed(startedAfterTheGreen), output);
        assertBroadcastFormat(output);
        assertPicture(output, FILL, false); // red over blue: the 3 s of green before the start are not in it
    }

    @org.junit.jupiter.api.Test
    void aStartThatLeavesLessThanTheMinimumFailsWithItsReason() {
        JsonNode video = awaitFinished(startedTooLate);
        assertThat(video.path("status").asText()).as(video.toString()).isEqualTo("failed");
        assertThat(video.path("failure_reason").asText())
                .isEqualTo("El inicio elegido (4,5 s) deja 1,5 s de video; se necesitan al menos 2 s desde el inicio.");
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyInputIsProcessedOrFailsWithItsReason(Case c) throws Exception {
        UUID id = uploaded.get(c.name());
        JsonNode video = awaitFinished(id);
        if (c.expect().failureReason() != null) {
            assertThat(video.path("status").asText()).as(video.toString()).isEqualTo("failed");
            assertThat(video.path("failure_reason").asText()).contains(c.expect().failureReason());
            return;
        }
        assertThat(video.path("status").asText()).as(video.toString()).isEqualTo("processed");
        Path output = dir.resolve(id + ".mp4");
        store.download(ObjectKeys.processed(id), output);
        assertBroadcastFormat(output);
        assertPicture(output, c.expect().pictureWidth(), c.expect().blurredSides());
        assertThat(store.size(ObjectKeys.poster(id))).as("the poster").hasValueSatisfying(bytes ->
                assertThat(bytes).isPositive());
    }

    private static JsonNode awaitFinished(UUID id) {
        JsonNode[] last = new JsonNode[1];
        TestWorkers.await(Duration.ofMinutes(6), "video " + id + " to finish", () -> {
            last[0] = api.get("/api/videos/" + id, player.token()).body();
            return List.of("processed", "failed").contains(last[0].path("status").asText());
        });
        return last[0];
    }

    private static void assertBroadcastFormat(Path output) throws Exception {
        JsonNode probe = new ObjectMapper().readTree(ProcessRunner.run(List.of(tools.ffprobe().toString(), "-v",
                "error", "-print_format", "json", "-show_format", "-show_streams", output.toString()),
                tools.environment(), dir, Duration.ofSeconds(30)));
        assertThat(probe.path("streams")).as("one stream: video, no audio").hasSize(1);
        JsonNode stream = probe.path("streams").get(0);
        assertThat(stream.path("codec_name").asText()).isEqualTo("h264");
        assertThat(stream.path("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(stream.path("width").asInt()).isEqualTo(1280);
        assertThat(stream.path("height").asInt()).isEqualTo(720);
        assertThat(stream.path("r_frame_rate").asText()).isEqualTo("30/1");
        assertThat(stream.path("avg_frame_rate").asText()).isEqualTo("30/1");
        assertThat(stream.path("color_transfer").asText("")).as("SDR output, HDR inputs tone-mapped")
                .isNotIn("smpte2084", "arib-std-b67");
        assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(SECONDS + CARDS, offset(0.25));
    }

    /**
     * One frame a second into the main part, shrunk to 128×72: how wide the picture is (measured in the top half,
     * away from the watermark), and that it is upright (red above blue) rather than a green cover picture. With
     * blurred sides, the picture is what stays brighter than the sides (darkened to half), and the sides are not black.
     */
    private static void assertPicture(Path output, double expectedWidthShare, boolean blurredSides)
            throws IOException, InterruptedException {
        int w = 128;
        int h = 72;
        Path raw = dir.resolve(output.getFileName() + ".rgb");
        ProcessRunner.run(List.of(tools.ffmpeg().toString(), "-v", "error", "-y", "-ss", String.valueOf(2.5 + 1.0),
                "-i", output.toString(), "-frames:v", "1", "-vf", "scale=" + w + ":" + h, "-f", "rawvideo",
                "-pix_fmt", "rgb24", raw.toString()), tools.environment(), dir, Duration.ofSeconds(30));
        byte[] rgb = Files.readAllBytes(raw);
        int first = w;
        int last = -1;
        for (int x = 0; x < w; x++) {
            for (int y = 8; y < 28; y++) {
                if (luma(rgb, w, x, y) > (blurredSides ? 55 : 40)) {
                    first = Math.min(first, x);
                    last = Math.max(last, x);
                }
            }
        }
        double share = (last - first + 1) / (double) w;
        if (blurredSides) {
            for (int x : new int[] {2, w - 3}) {
                assertThat(luma(rgb, w, x, h / 4)).as("the side at x=" + x + " shows the blurred picture, not black")
                        .isGreaterThan(20);
            }
        }
        assertThat(share).as("share of the width showing picture").isCloseTo(expectedWidthShare, offset(0.04));
        int[] top = pixel(rgb, w, w / 2, h / 4);
        int[] bottom = pixel(rgb, w, w / 2, h * 3 / 4);
        assertThat(top[0] - Math.max(top[1], top[2])).as("red on top (upright, the real video, not the green cover): "
                + java.util.Arrays.toString(top)).isGreaterThan(80);
        assertThat(bottom[2] - Math.max(bottom[0], bottom[1])).as("blue below: " + java.util.Arrays.toString(bottom))
                .isGreaterThan(80);
    }

    private static int[] pixel(byte[] rgb, int width, int x, int y) {
        int i = (y * width + x) * 3;
        return new int[] {rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff};
    }

    private static double luma(byte[] rgb, int width, int x, int y) {
        int[] p = pixel(rgb, width, x, y);
        return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
    }
}
