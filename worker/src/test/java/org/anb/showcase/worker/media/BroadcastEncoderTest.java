package org.anb.showcase.worker.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anb.showcase.worker.brand.AnbBrand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real ffmpeg on generated clips; the output is checked with ffprobe and by its pixels. */
class BroadcastEncoderTest {
    private static final int W = AnbBrand.FRAME_WIDTH;
    private static final int H = AnbBrand.FRAME_HEIGHT;

    @TempDir
    static Path dir;
    static FfmpegTools tools;
    static BroadcastEncoder encoder;
    static MediaProbe probe;

    @BeforeAll
    static void setUp() {
        tools = FfmpegTools.bundled();
        encoder = new BroadcastEncoder(tools, AnbBrand.writeTo(dir), "veryfast", EncodeLimits.defaults());
        probe = new MediaProbe(tools, MediaRules.defaults().withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    @Test
    void aLong1080pClipWithAudioBecomesThirtySecondsOfSilent720pBetweenTheCards() throws Exception {
        Path input = SyntheticClip.make(tools, dir, 1920, 1080, 40, true);
        Path output = dir.resolve("out-1080.mp4");
        Path poster = dir.resolve("poster-1080.jpg");

        encoder.encode(input, probe.probe(input), output, poster);

        JsonNode probe = probe(output);
        JsonNode video = onlyVideoStream(probe);
        assertThat(video.path("codec_name").asText()).isEqualTo("h264");
        assertThat(video.path("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(video.path("width").asInt()).isEqualTo(W);
        assertThat(video.path("height").asInt()).isEqualTo(H);
        assertThat(video.path("sample_aspect_ratio").asText("1:1")).isIn("1:1", "N/A");
        assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(30 + 5, org.assertj.core.data.Offset.offset(0.2));
        assertThat(Files.size(poster)).isPositive();
        assertThat(startsWithFtypThenMoov(output)).as("+faststart puts moov first").isTrue();
    }

    @Test
    void aShort4by3ClipKeepsItsLengthAndIsPillarboxedAndWatermarked() throws Exception {
        Path input = SyntheticClip.make(tools, dir, 640, 480, 25, false);
        Path output = dir.resolve("out-43.mp4");

        encoder.encode(input, probe.probe(input), output, dir.resolve("poster-43.jpg"));

        JsonNode probe = probe(output);
        assertThat(onlyVideoStream(probe).path("width").asInt()).isEqualTo(W);
        assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(25 + 5, org.assertj.core.data.Offset.offset(0.2));

        // 4:3 in 16:9: 960 px of picture, 160 px black bars on each side.
        double at = 2.5 + 10;
        byte[] frame = TestClips.frameRgb(tools, output, at, null);
        assertThat(meanLuma(frame, 0, 0, 150, H)).as("left bar").isLessThan(20);
        assertThat(meanLuma(frame, W - 150, 0, 150, H / 2)).as("right bar above the watermark").isLessThan(20);
        assertThat(meanLuma(frame, 400, 200, 480, 300)).as("picture").isGreaterThan(40);

        // The same frame without our overlay: scale+pad only, from the input at the same instant.
        byte[] plain = TestClips.frameRgb(tools, input, 10,
                "scale=" + W + ":" + H + ":force_original_aspect_ratio=decrease,pad=" + W + ":" + H
                        + ":(ow-iw)/2:(oh-ih)/2:color=black");
        int wx = W - 24 - AnbBrand.WATERMARK_WIDTH;
        int wy = H - 24 - AnbBrand.WATERMARK_HEIGHT;
        assertThat(meanAbsDiff(frame, plain, wx, wy, AnbBrand.WATERMARK_WIDTH, AnbBrand.WATERMARK_HEIGHT))
                .as("watermark region differs").isGreaterThan(25);
        assertThat(meanAbsDiff(frame, plain, 400, 100, 300, 200))
                .as("the rest of the picture is the same picture").isLessThan(12);
    }

    /**
     * HDR is detected and tone-mapped: the same 10-bit pixel values, once tagged PQ or HLG and once untagged (read as
     * SDR), must come out measurably different — without tone mapping they would come out the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hlg", "pq"})
    void hdrIsDetectedAndToneMappedSoItsPixelsDifferFromTheSameValuesReadAsSdr(String transfer) throws Exception {
        var samples = new MediaSamples(tools, dir);
        Path hdr = transfer.equals("hlg") ? samples.hlg("hdr-" + transfer + ".mp4", 320, 180, 3)
                : samples.pq("hdr-" + transfer + ".mp4", 320, 180, 3);
        Path sdr = samples.hevc("same-values-" + transfer + ".mp4", 320, 180, "30", 3, "yuv420p10le");
        ProbedVideo probedHdr = probe.probe(hdr);
        assertThat(probedHdr.hdr()).as("the probe sees " + transfer).isTrue();
        assertThat(probe.probe(sdr).hdr()).isFalse();

        Path fromHdr = dir.resolve("out-" + transfer + ".mp4");
        Path fromSdr = dir.resolve("out-sdr-" + transfer + ".mp4");
        encoder.encode(hdr, probedHdr, fromHdr, dir.resolve("poster-" + transfer + ".jpg"));
        encoder.encode(sdr, probe.probe(sdr), fromSdr, dir.resolve("poster-sdr-" + transfer + ".jpg"));
        double at = 2.5 + 1.5; // past the opening card
        byte[] toneMapped = TestClips.frameLuma(tools, fromHdr, at, W, H);
        byte[] untouched = TestClips.frameLuma(tools, fromSdr, at, W, H);
        // The red top half, away from the watermark, in luma (both reds clip to the same saturated RGB).
        double difference = 0;
        for (int row = 60; row < 300; row++) {
            for (int col = 300; col < 980; col++) {
                difference += Math.abs((toneMapped[row * W + col] & 0xff) - (untouched[row * W + col] & 0xff));
            }
        }
        difference /= 240 * 680;
        // Measured: 18 levels of luma for both (63 tone-mapped, 81 read as SDR); a re-encode moves it by about 1.
        assertThat(difference).as(transfer + ": tone-mapped luma differs from the same values read as SDR")
                .isGreaterThan(8);
    }

    @Test
    void theCardsOpenAndCloseTheVideo() throws Exception {
        Path input = SyntheticClip.make(tools, dir, 1280, 720, 21, false);
        Path output = dir.resolve("out-cards.mp4");
        encoder.encode(input, probe.probe(input), output, dir.resolve("poster-cards.jpg"));

        byte[] opening = TestClips.frameRgb(tools, output, 1.5, null);
        byte[] card = TestClips.frameRgb(tools, AnbBrand.writeTo(Files.createDirectories(dir.resolve("brand")))
                .card(), 0, null);
        assertThat(meanAbsDiff(opening, card, 0, 0, W, H)).as("opening frame is the ANB card").isLessThan(12);
    }

    @Test
    void anEncodePastItsTimeBudgetFailsWithAReasonInsteadOfBeingRetried() throws Exception {
        assertEncodeFails(1920, 1080, new EncodeLimits(Duration.ofSeconds(1), Duration.ZERO, 1, 4096L << 20),
                "tardó más de 1 s");
    }

    @Test
    void anEncodeOverItsMemoryCapFailsWithAReason() throws Exception {
        assertEncodeFails(3840, 2160, new EncodeLimits(Duration.ofSeconds(60), Duration.ZERO, 1, 400L << 20),
                "No se pudo procesar");
    }

    private static void assertEncodeFails(int width, int height, EncodeLimits limits, String reason) throws Exception {
        Path input = SyntheticClip.make(tools, dir, width, height, 21, false);
        BroadcastEncoder bounded = new BroadcastEncoder(tools, AnbBrand.writeTo(dir), "veryfast", limits);
        assertThatThrownBy(() -> bounded.encode(input, probe.probe(input), dir.resolve("bounded.mp4"),
                dir.resolve("bounded.jpg"))).isInstanceOf(InvalidMediaException.class).hasMessageContaining(reason);
    }

    @Test
    void framesAreConvertedTo30FpsBeforeTheyAreScaledAndTheRealTrackIsRead() {
        ProbedVideo video = new ProbedVideo(3, "h264", 1080, 1920, 1, 0, 120, Duration.ofSeconds(25), false);
        String filter = encoder.command(dir.resolve("in.mp4"), video, dir.resolve("o.mp4"), dir.resolve("p.jpg"))
                .get(encoder.command(dir.resolve("in.mp4"), video, dir.resolve("o.mp4"), dir.resolve("p.jpg"))
                        .indexOf("-filter_complex") + 1);
        assertThat(filter).startsWith("[0:3]fps=30,scale=406:720,");
    }

    @Test
    void theDecoderUsesTheConfiguredThreadsSoOneEncodeCannotTakeEveryCore() {
        EncodeLimits limits = EncodeLimits.defaults();
        BroadcastEncoder twoThreads = new BroadcastEncoder(tools, AnbBrand.writeTo(dir), "veryfast",
                new EncodeLimits(limits.baseTime(), limits.timePerInputSecond(), 2, limits.memoryBytes()));
        ProbedVideo video = new ProbedVideo(0, "hevc", 7680, 4320, 1, 0, 30, Duration.ofSeconds(25), false);
        List<String> command = twoThreads.command(dir.resolve("in.mp4"), video, dir.resolve("o.mp4"), dir.resolve("p.jpg"));
        assertThat(command.subList(0, command.indexOf("-i"))).containsSequence("-threads", "2");
    }

    @Test
    void theFrameFitsThePicturesDisplayShapeUprightWithWidePixelsAndInEvenSizes() {
        assertThat(BroadcastEncoder.fittedSize(video(1920, 1080, 1, 90))).as("a phone held upright")
                .containsExactly(406, 720);
        assertThat(BroadcastEncoder.fittedSize(video(1440, 1080, 4.0 / 3, 0))).as("4:3 pixels, 16:9 on screen")
                .containsExactly(1280, 720);
        int[] fromOdd = BroadcastEncoder.fittedSize(video(853, 479, 1, 0));
        assertThat(new int[] {fromOdd[0] % 2, fromOdd[1] % 2}).as("odd sizes become even (x264's 4:2:0)")
                .containsExactly(0, 0);
    }

    private static ProbedVideo video(int width, int height, double pixelAspect, int rotation) {
        return new ProbedVideo(0, "h264", width, height, pixelAspect, rotation, 30, Duration.ofSeconds(25), false);
    }

    private static JsonNode probe(Path file) throws Exception {
        return new ObjectMapper().readTree(ProcessRunner.run(List.of(tools.ffprobe().toString(), "-v", "error",
                "-print_format", "json", "-show_format", "-show_streams", file.toString()), tools.environment(), dir,
                Duration.ofSeconds(30)));
    }

    private static JsonNode onlyVideoStream(JsonNode probe) {
        assertThat(probe.path("streams")).as("exactly one stream: video, no audio").hasSize(1);
        JsonNode stream = probe.path("streams").get(0);
        assertThat(stream.path("codec_type").asText()).isEqualTo("video");
        return stream;
    }

    private static boolean startsWithFtypThenMoov(Path file) throws java.io.IOException {
        byte[] head = new byte[64];
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        int ftypSize = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        return new String(head, 4, 4).equals("ftyp") && ftypSize + 8 <= head.length
                && new String(head, ftypSize + 4, 4).equals("moov");
    }

    private static double meanLuma(byte[] rgb, int x, int y, int w, int h) {
        double sum = 0;
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                int i = (row * W + col) * 3;
                sum += 0.299 * (rgb[i] & 0xff) + 0.587 * (rgb[i + 1] & 0xff) + 0.114 * (rgb[i + 2] & 0xff);
            }
        }
        return sum / (w * h);
    }

    private static double meanAbsDiff(byte[] a, byte[] b, int x, int y, int w, int h) {
        double sum = 0;
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                int i = (row * W + col) * 3;
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs((a[i + c] & 0xff) - (b[i + c] & 0xff));
                }
            }
        }
        return sum / (w * h * 3.0);
    }
}
