package org.anb.showcase.worker.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.anb.showcase.worker.brand.AnbBrand;

/**
 * Turns an accepted upload into the broadcast format in ONE ffmpeg run with one filter graph: the first 30 s (cut
 * on the input side, so nothing past it is even decoded), scaled and padded to 1280×720 without stretching, the ANB
 * watermark in the bottom-right corner, between an opening and a closing ANB card (2.5 s each), no audio, H.264
 * yuv420p with {@code +faststart}; and from the same run, a poster JPEG taken one second into the main part.
 */
public final class BroadcastEncoder {
    public static final Duration MAX_MAIN = Duration.ofSeconds(30);
    public static final Duration CARD = Duration.ofMillis(2500);
    static final int FPS = 30;
    private static final String FRAME = AnbBrand.FRAME_WIDTH + ":" + AnbBrand.FRAME_HEIGHT;

    private final FfmpegTools tools;
    private final AnbBrand.Assets brand;
    private final String preset;
    private final Duration timeout;

    public BroadcastEncoder(FfmpegTools tools, AnbBrand.Assets brand, String preset, Duration timeout) {
        this.tools = tools;
        this.brand = brand;
        this.preset = preset;
        this.timeout = timeout;
    }

    /** Writes {@code video} and {@code poster}; throws {@link ProcessRunner.ToolFailedException} if ffmpeg fails. */
    public void encode(Path input, Path video, Path poster) throws InterruptedException {
        ProcessRunner.run(command(input, video, poster), tools.environment(), video.getParent(), timeout);
    }

    /** The one ffmpeg command line (public so the benchmark can time exactly what the worker runs). */
    public List<String> command(Path input, Path video, Path poster) {
        String card = seconds(CARD);
        String filter = String.join(";",
                "[0:v]scale=" + FRAME + ":force_original_aspect_ratio=decrease,pad=" + FRAME
                        + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=" + FPS + "[scaled]",
                "[scaled][1:v]overlay=W-w-24:H-h-24:format=auto,format=yuv420p,split=2[main][still]",
                "[still]trim=start_frame=" + FPS + ":end_frame=" + (FPS + 1) + ",setpts=PTS-STARTPTS,format=yuvj420p[poster]",
                "[2:v]scale=" + FRAME + ",setsar=1,fps=" + FPS + ",format=yuv420p,split=2[in][out]",
                "[in]fade=t=in:st=0:d=0.5[intro]",
                "[out]fade=t=out:st=" + seconds(CARD.minusMillis(500)) + ":d=0.5[outro]",
                "[intro][main][outro]concat=n=3:v=1:a=0,format=yuv420p[broadcast]");
        return List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-t", seconds(MAX_MAIN), "-i", input.toString(),
                "-i", brand.watermark().toString(),
                "-loop", "1", "-framerate", String.valueOf(FPS), "-t", card, "-i", brand.card().toString(),
                "-filter_complex", filter,
                "-map", "[broadcast]", "-an", "-c:v", "libx264", "-preset", preset, "-crf", "23",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", video.toString(),
                "-map", "[poster]", "-frames:v", "1", "-q:v", "3", poster.toString());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
