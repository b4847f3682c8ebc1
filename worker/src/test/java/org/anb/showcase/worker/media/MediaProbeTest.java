package org.anb.showcase.worker.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs outside the rules are refused by ffprobe's reading, before anything is decoded or encoded. */
class MediaProbeTest {
    private static final FfmpegTools TOOLS = FfmpegTools.bundled();

    @Test
    void tooShortTooLargeAndNotAVideoAreRefusedWithAReason(@TempDir Path dir) throws Exception {
        Path clip = SyntheticClip.make(TOOLS, dir, 640, 360, 6, false);
        MediaProbe defaults = new MediaProbe(TOOLS, MediaRules.defaults());
        assertThatThrownBy(() -> defaults.probe(clip)).isInstanceOf(InvalidMediaException.class)
                .hasMessageContaining("debe durar entre 20 y 60 s");

        MediaProbe small = new MediaProbe(TOOLS, new MediaRules(Duration.ofSeconds(1), Duration.ofSeconds(60), 320, 240, 240, 16));
        assertThatThrownBy(() -> small.probe(clip)).isInstanceOf(InvalidMediaException.class)
                .hasMessageContaining("640x360").hasMessageContaining("supera el máximo");

        Path truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(clip), 2000));
        assertThatThrownBy(() -> defaults.probe(truncated)).isInstanceOf(InvalidMediaException.class);

        MediaProbe lenient = new MediaProbe(TOOLS, MediaRules.defaults().withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThat(lenient.probe(clip).width()).isEqualTo(640);
    }

    @Test
    void rateTracksContainerAndMissingPicturesAreRefusedWithTheirReasonAndTheRealTrackIsChosen(@TempDir Path dir)
            throws Exception {
        MediaSamples samples = new MediaSamples(TOOLS, dir);
        MediaProbe lenient = new MediaProbe(TOOLS, MediaRules.defaults().withDurations(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThatThrownBy(() -> lenient.probe(samples.h264("fast.mp4", 64, 36, "300", 3, "")))
                .isInstanceOf(InvalidMediaException.class).hasMessageContaining("cuadros por segundo");
        assertThatThrownBy(() -> lenient.probe(samples.manyTracks("tracks.mp4", 17)))
                .isInstanceOf(InvalidMediaException.class).hasMessageContaining("17 pistas");
        assertThatThrownBy(() -> lenient.probe(samples.h264("matroska.mp4", 64, 36, "10", 3, "-f matroska")))
                .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no es un video MP4");
        assertThatThrownBy(() -> lenient.probe(samples.audioOnly("audio.mp4", 3)))
                .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no contiene una pista de video");
        assertThatThrownBy(() -> lenient.probe(samples.truncated("third.mp4")))
                .isInstanceOf(InvalidMediaException.class).hasMessageContaining("incompleto");
        // The cover is a PNG and the thumbnail track MJPEG: the track read must be the H.264 one.
        assertThat(lenient.probe(samples.withCoverArt("cover.mp4", 3)).codec()).as("not the cover picture")
                .isEqualTo("h264");
        assertThat(lenient.probe(samples.withThumbnailTrackFirst("thumbnail.mp4", 3)).codec())
                .as("not the one-frame thumbnail track").isEqualTo("h264");
    }

    @Test
    void aProbeThatHangsIsKilledAndTheFileRefusedAsUnreadable(@TempDir Path dir) throws Exception {
        Path neverWritten = dir.resolve("hangs.mp4");
        assertThat(new ProcessBuilder("mkfifo", neverWritten.toString()).start().waitFor()).isZero();
        MediaProbe probe = new MediaProbe(TOOLS, MediaRules.defaults(), Duration.ofSeconds(2));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> probe.probe(neverWritten))
                .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no es un video legible"));
    }
}
