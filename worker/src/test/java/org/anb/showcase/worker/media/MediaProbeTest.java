package org.anb.showcase.worker.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
