package org.anb.showcase.worker.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.anb.showcase.worker.brand.AnbBrand;

/**
 * Turns an accepted upload into the broadcast format in ONE ffmpeg run with one filter graph: 30 s of the probed video
 * track from the player's chosen start ({@link Excerpt}; the first 30 s unless they chose), cut on the input side so
 * nothing outside it is even decoded (a cover picture is never read); turned upright (ffmpeg applies the rotation
 * metadata), brought to a constant 30 fps BEFORE scaling so dropped frames are never scaled, scaled by its display
 * aspect (pixel aspect and rotation included) into 1280×720 and padded with black — or, for a picture under 60 % of
 * the width (a phone held upright), with a blurred, enlarged copy of itself — never stretched or cropped (HDR
 * tone-mapped to SDR); the ANB watermark in the bottom-right corner, between an opening and a closing ANB card (2.5 s
 * each), no audio, H.264 yuv420p with {@code +faststart}; and from the same run, a poster JPEG one second into the
 * main part. The run is bounded by {@link EncodeLimits}.
 */
public final class BroadcastEncoder {
    public static final Duration MAX_MAIN = Duration.ofSeconds(30);
    public static final Duration CARD = Duration.ofMillis(2500);
    static final int FPS = 30;
    private static final int W = AnbBrand.FRAME_WIDTH;
    private static final int H = AnbBrand.FRAME_HEIGHT;
    private static final String FRAME = W + ":" + H;

    /** Below this share of the frame's width the sides are filled with the blurred picture instead of black. */
    static final double BLUR_BELOW_WIDTH_SHARE = 0.6;
    /**
     * The fill behind a narrow picture: a copy cropped to 16:9 and shrunk to 320×180 (so the blur costs a sixteenth of
     * full size), blurred, darkened and desaturated to half (luma alone would
     * leave a red as bright as the picture) so the picture stands out, enlarged back to the frame; the picture on top,
     * centred and untouched.
     */
    private static final String BLURRED_SIDES = "split=2[picture][copy];"
            + "[copy]scale=320:180:force_original_aspect_ratio=increase,crop=320:180,boxblur=10:2,"
            + "lutyuv=y=val*0.5:u=128+(val-128)*0.5:v=128+(val-128)*0.5,"
            + "scale=" + FRAME + ",setsar=1[sides];"
            + "[sides][picture]overlay=(W-w)/2:(H-h)/2:format=auto,format=yuv420p";

    private final FfmpegTools tools;
    private final AnbBrand.Assets brand;
    private final String preset;
    private final EncodeLimits limits;

    public BroadcastEncoder(FfmpegTools tools, AnbBrand.Assets brand, String preset, EncodeLimits limits) {
        this.tools = tools;
        this.brand = brand;
        this.preset = preset;
        this.limits = limits;
    }

    /**
     * Writes {@code output} and {@code poster}. A failure the input causes (ffmpeg cannot decode it, or it runs past
     * its time or memory budget) is an {@link InvalidMediaException} with the owner's reason; any other (ffmpeg cannot
     * start, the disk is full) a {@link ProcessRunner.ToolFailedException}, to be retried.
     */
    public void encode(Path input, ProbedVideo video, Path output, Path poster)
            throws InvalidMediaException, InterruptedException {
        encode(input, video, Excerpt.fromStart(video), output, poster);
    }

    /** As {@link #encode(Path, ProbedVideo, Path, Path)}, from the player's chosen start. */
    public void encode(Path input, ProbedVideo video, Excerpt excerpt, Path output, Path poster)
            throws InvalidMediaException, InterruptedException {
        Duration budget = limits.timeoutFor(excerpt.length());
        try {
            ProcessRunner.run(command(input, video, excerpt, output, poster), tools.environment(), output.getParent(), budget,
                    limits.memoryBytes());
        } catch (ProcessRunner.ToolFailedException e) {
            if (!e.causedByInput()) {
                throw e;
            }
            throw new InvalidMediaException(e.timedOut()
                    ? "El video tardó más de " + budget.toSeconds() + " s en procesarse y se detuvo; puede estar dañado."
                    : "No se pudo procesar el video: el archivo está dañado o usa un formato no compatible.");
        }
    }

    /** The one ffmpeg command line (public so the benchmark can time exactly what the worker runs). */
    public List<String> command(Path input, ProbedVideo video, Path output, Path poster) {
        return command(input, video, Excerpt.fromStart(video), output, poster);
    }

    /**
     * The command for {@code excerpt}: cut on the input side ({@code -ss} before {@code -i} seeks to the nearest
     * keyframe and decodes, without output, up to the exact start), so nothing before the start is filtered or encoded.
     */
    public List<String> command(Path input, ProbedVideo video, Excerpt excerpt, Path output, Path poster) {
        int[] size = fittedSize(video);
        String card = seconds(CARD);
        String filter = String.join(";",
                "[0:" + video.streamIndex() + "]fps=" + FPS + "," + scaled(video, size) + ",setsar=1,"
                        + (fillsWithBlur(size) ? BLURRED_SIDES : "pad=" + FRAME + ":(ow-iw)/2:(oh-ih)/2:color=black")
                        + "[scaled]",
                "[scaled][1:v]overlay=W-w-24:H-h-24:format=auto,format=yuv420p,split=2[main][still]",
                "[still]trim=start_frame=" + FPS + ":end_frame=" + (FPS + 1) + ",setpts=PTS-STARTPTS,format=yuvj420p[poster]",
                "[2:v]scale=" + FRAME + ",setsar=1,fps=" + FPS + ",format=yuv420p,split=2[in][out]",
                "[in]fade=t=in:st=0:d=0.5[intro]",
                "[out]fade=t=out:st=" + seconds(CARD.minusMillis(500)) + ":d=0.5[outro]",
                "[intro][main][outro]concat=n=3:v=1:a=0,format=yuv420p[broadcast]");
        return List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y",
                "-threads", String.valueOf(limits.decodeThreads()), "-ss", seconds(excerpt.start()),
                "-t", seconds(excerpt.length()), "-i", input.toString(),
                "-i", brand.watermark().toString(),
                "-loop", "1", "-framerate", String.valueOf(FPS), "-t", card, "-i", brand.card().toString(),
                "-filter_complex", filter,
                "-map", "[broadcast]", "-an", "-sn", "-dn", "-c:v", "libx264", "-preset", preset, "-crf", "23",
                "-pix_fmt", "yuv420p", "-r", String.valueOf(FPS), "-movflags", "+faststart", output.toString(),
                "-map", "[poster]", "-frames:v", "1", "-q:v", "3", poster.toString());
    }

    /**
     * Scaled to {@code size} in 8-bit SDR. HDR (PQ, HLG) is scaled and linearised by zscale, tone-mapped (Hable) and
     * brought to BT.709, else it would come out grey and flat; it is done after the resize, on at most 1280×720.
     */
    private static String scaled(ProbedVideo video, int[] size) {
        if (!video.hdr()) {
            return "scale=" + size[0] + ":" + size[1] + ",format=yuv420p";
        }
        return "zscale=w=" + size[0] + ":h=" + size[1] + ":t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
                + "tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p";
    }

    /**
     * Whether the picture is narrow enough (a phone held upright: about a third of the width) that black sides would
     * make it a strip: then the sides show the same picture enlarged, blurred and darkened, as broadcasters do.
     * 4:3 (three quarters of the width) keeps its black bars.
     */
    static boolean fillsWithBlur(int[] size) {
        return size[0] < W * BLUR_BELOW_WIDTH_SHARE;
    }

    /**
     * The largest even size with the picture's display aspect that fits the frame: 1920×1080 fills it, 4:3 and a
     * phone held upright are pillarboxed, 1440×1080 with 4:3 pixels (16:9 on screen) fills it too.
     */
    static int[] fittedSize(ProbedVideo video) {
        double width = video.displayWidth();
        double height = video.displayHeight();
        double scale = Math.min(W / width, H / height);
        return new int[] {even(width * scale, W), even(height * scale, H)};
    }

    private static int even(double pixels, int max) {
        return (int) Math.min(max, Math.max(2, 2 * Math.round(pixels / 2)));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
